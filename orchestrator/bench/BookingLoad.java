import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP load for booking (JDK only, run as a single-file program by booking-load.sh against a running demo):
 * A. 1,000-site meetings, one after another: latency of the biggest booking the Ministry makes.
 * B. N concurrent bookers × M bookings each, over a few crowded hours: latency under contention, then a check
 *    through the API that no region is over-committed and no room system or host is double-booked.
 */
public class BookingLoad {
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static String base;
    static String token;

    record SiteRow(String code, String region, boolean hasRoom) {
    }

    public static void main(String[] args) throws Exception {
        base = args[0];
        int bookers = Integer.parseInt(args[1]);
        int perBooker = Integer.parseInt(args[2]);
        int bigMeetings = Integer.parseInt(args[3]);
        token = login();
        List<SiteRow> sites = sites();
        System.out.printf("directory: %d sites, %d with a room system%n", sites.size(),
                sites.stream().filter(SiteRow::hasRoom).count());
        bigMeetings(sites, bigMeetings);
        contention(sites, bookers, perBooker);
    }

    static void bigMeetings(List<SiteRow> sites, int count) throws Exception {
        List<String> invites = new ArrayList<>();
        for (int i = 0; i < 1000 && i < sites.size(); i++) {
            invites.add("{\"site\":\"" + sites.get(i).code() + "\",\"participation\":\"" + (i < 50 ? "INTERACTIVE" : "VIEWER")
                    + "\",\"wayIn\":\"BROWSER\"}");
        }
        String list = String.join(",", invites);
        List<Long> times = new ArrayList<>();
        Map<Integer, Integer> statuses = new HashMap<>();
        int warmUp = 10;
        for (int i = -warmUp; i < count; i++) {
            String day = LocalDate.now(VN).plusDays(100 + i).toString();
            String body = "{\"title\":\"Hội nghị toàn quốc " + i + "\",\"hostSite\":\"BTP\",\"start\":\"" + day
                    + "T08:00\",\"end\":\"" + day + "T11:00\",\"invites\":[" + list + "]}";
            long t0 = System.nanoTime();
            int status = post("/api/v1/meetings", body).statusCode();
            if (i >= 0) {
                // The first few only warm the JIT up, as a long-running server is warm.
                times.add(System.nanoTime() - t0);
                statuses.merge(status, 1, Integer::sum);
            }
        }
        System.out.printf("A. %d bookings of a %d-site meeting: statuses %s; %s%n", count, invites.size(), statuses,
                percentiles(times));
    }

    static void contention(List<SiteRow> sites, int bookers, int perBooker) throws Exception {
        List<SiteRow> rooms = sites.stream().filter(SiteRow::hasRoom).toList();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> reasons = new ConcurrentHashMap<>();
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(bookers);
        long started = System.nanoTime();
        for (int b = 0; b < bookers; b++) {
            final int seed = b;
            pool.submit(() -> {
                Random random = new Random(seed);
                for (int i = 0; i < perBooker; i++) {
                    // 8 crowded hour-slots over two days: plenty of clashes and full regions.
                    String day = LocalDate.now(VN).plusDays(30 + random.nextInt(2)).toString();
                    int hour = 8 + random.nextInt(4);
                    SiteRow host = sites.get(random.nextInt(sites.size()));
                    StringBuilder inv = new StringBuilder();
                    int n = 1 + random.nextInt(3);
                    for (int k = 0; k < n; k++) {
                        SiteRow guest = rooms.get(random.nextInt(rooms.size()));
                        inv.append(k == 0 ? "" : ",").append("{\"site\":\"").append(guest.code())
                                .append("\",\"wayIn\":\"ROOM_SYSTEM\"}");
                    }
                    String body = "{\"title\":\"Họp tải " + seed + "-" + i + "\",\"hostSite\":\"" + host.code()
                            + "\",\"start\":\"" + day + String.format("T%02d:00", hour) + "\",\"end\":\"" + day
                            + String.format("T%02d:00", hour + 1) + "\",\"invites\":[" + inv + "]}";
                    try {
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = post("/api/v1/meetings", body);
                        times.add(System.nanoTime() - t0);
                        statuses.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                        Matcher m = Pattern.compile("\"code\":\"([a-z-]+)\"").matcher(r.body());
                        if (r.statusCode() != 201 && m.find()) {
                            reasons.computeIfAbsent(m.group(1), k -> new AtomicInteger()).incrementAndGet();
                        }
                    } catch (Exception e) {
                        statuses.computeIfAbsent(-1, k -> new AtomicInteger()).incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("B. %d bookers × %d bookings in %.1f s (%.0f/s): statuses %s, refusals %s; %s%n", bookers,
                perBooker, seconds, bookers * perBooker / seconds, statuses, reasons, percentiles(times));
        verify(LocalDate.now(VN).plusDays(30), LocalDate.now(VN).plusDays(32));
    }

    /** Over-commits from the capacity API; double bookings by comparing every booked meeting's holds. */
    static void verify(LocalDate from, LocalDate to) throws Exception {
        String window = "from=" + from.atStartOfDay(VN).toOffsetDateTime() + "&to=" + to.atStartOfDay(VN).toOffsetDateTime();
        String usage = get("/api/v1/capacity?" + window.replace("+", "%2B")).body();
        int overCommitted = count(usage, "\"overCommitted\":true");
        List<long[]> spans = new ArrayList<>();
        List<String> holders = new ArrayList<>();
        int page = 0;
        int booked = 0;
        while (true) {
            String list = get("/api/v1/meetings?status=BOOKED&size=500&page=" + page + "&from=" + from + "&to=" + to).body();
            Matcher ids = Pattern.compile("\\{\"id\":(\\d+)").matcher(list);
            int onPage = 0;
            while (ids.find()) {
                onPage++;
                booked++;
                String m = get("/api/v1/meetings/" + ids.group(1)).body();
                long start = java.time.OffsetDateTime.parse(field(m, "start")).toEpochSecond();
                long end = java.time.OffsetDateTime.parse(field(m, "end")).toEpochSecond();
                Matcher rooms = Pattern.compile("\"roomSystem\":\"([^\"]+)\"").matcher(m);
                while (rooms.find()) {
                    spans.add(new long[]{start, end});
                    holders.add("room " + rooms.group(1));
                }
                spans.add(new long[]{start, end});
                holders.add("host " + field(m, "hostSite"));
            }
            if (onPage < 500) {
                break;
            }
            page++;
        }
        int doubles = 0;
        for (int i = 0; i < spans.size(); i++) {
            for (int j = i + 1; j < spans.size(); j++) {
                if (holders.get(i).equals(holders.get(j)) && spans.get(i)[0] < spans.get(j)[1]
                        && spans.get(j)[0] < spans.get(i)[1]) {
                    doubles++;
                }
            }
        }
        System.out.printf("check: %d meetings booked in the crowded window; regions over-committed: %d; "
                + "room systems or hosts double-booked: %d%n", booked, overCommitted, doubles);
        if (overCommitted > 0 || doubles > 0) {
            System.exit(1);
        }
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    static String percentiles(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return "no samples";
        }
        return String.format("latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", ms(sorted, 0.50),
                ms(sorted, 0.95), ms(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    static double ms(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }

    static String login() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"thuky\",\"password\":\"hoinghi-demo\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String cookie = r.headers().firstValue("set-cookie").orElseThrow();
        return cookie.substring(4, cookie.indexOf(';'));
    }

    static List<SiteRow> sites() throws Exception {
        List<SiteRow> out = new ArrayList<>();
        String csv = get("/api/v1/sites/export?format=csv").body();
        for (String line : csv.split("\n")) {
            List<String> cells = splitCsv(line);
            if (!cells.get(0).equals("code")) {
                out.add(new SiteRow(cells.get(0), cells.get(3), !cells.get(cells.size() - 1).isEmpty()));
            }
        }
        return out;
    }

    static List<String> splitCsv(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
