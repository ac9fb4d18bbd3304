package vn.hoinghi.orchestrator.sites;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A random directory for the import property: a tree of sites under BTP with room systems, random valid edits,
 * and injected faults that each make a known set of lines wrong (and no other). Rows are mutable on purpose: a
 * scenario is built by editing them in place.
 */
final class GeneratedDirectory {
    enum Fault { DUPLICATE_CODE, UNKNOWN_PARENT, CYCLE, BAD_SIP_URI, UNKNOWN_REGION, BAD_NUMBER }

    static final class Row {
        String code;
        String name;
        String kind;
        String region;
        String parent;
        String down;
        String up;
        String network;
        String contact;
        String phone;
        final List<String[]> rooms = new ArrayList<>();
        boolean existsInDb;

        Row copy() {
            Row r = new Row();
            r.code = code;
            r.name = name;
            r.kind = kind;
            r.region = region;
            r.parent = parent;
            r.down = down;
            r.up = up;
            r.network = network;
            r.contact = contact;
            r.phone = phone;
            rooms.forEach(x -> r.rooms.add(x.clone()));
            r.existsInDb = existsInDb;
            return r;
        }
    }

    private static final String[] WORDS = {"Sở", "Tư pháp", "Thi hành án", "Đắk Lắk", "Huế", "Phòng", "Cục",
        "dân sự", "Quảng Ngãi", "Bến Tre", "Khánh Hoà", "Điện Biên", "Hội trường", "Nguyễn", "Lê Thị Hồng"};
    private static final String[] KINDS = {"DEPARTMENT", "PROVINCE_JUSTICE", "PROVINCE_THADS", "REGIONAL_THADS",
        "COMMUNE"};
    private static final String[] REGIONS = {"NORTH", "CENTRAL", "SOUTH"};
    private final Random random;
    private final int id;
    private final String prefix;
    private int nextAddress;
    private int nextCode;

    /** {@code id} keeps codes and addresses of different tries apart in one database. */
    GeneratedDirectory(long seed, int id) {
        this.random = new Random(seed);
        this.id = id;
        this.prefix = "P" + id + "-";
    }

    /** {@code size} sites in a random tree hanging from BTP, lines in random order. */
    List<Row> directory(int size) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            rows.add(newRow(i == 0 ? "BTP" : rows.get(random.nextInt(rows.size())).code));
        }
        java.util.Collections.shuffle(rows, random);
        return rows;
    }

    private Row newRow(String parent) {
        Row r = new Row();
        r.code = prefix + (nextCode++);
        r.name = name();
        r.kind = KINDS[random.nextInt(KINDS.length)];
        r.region = REGIONS[random.nextInt(REGIONS.length)];
        r.parent = parent;
        r.down = String.valueOf(64 + random.nextInt(100_000));
        r.up = String.valueOf(64 + random.nextInt(50_000));
        r.network = random.nextBoolean() ? "GOV_WAN" : "INTERNET";
        r.contact = random.nextBoolean() ? name() : null;
        r.phone = random.nextBoolean() ? "0" + (200_000_000 + random.nextInt(99_999_999)) : null;
        for (int i = random.nextInt(3); i > 0; i--) {
            r.rooms.add(room());
        }
        return r;
    }

    private String[] room() {
        boolean sip = random.nextInt(4) > 0;
        String address = sip ? "sip:phong" + (nextAddress++) + "@" + prefix.toLowerCase() + "example.vn"
                : "84" + (2_000_000L + id) + String.format("%04d", nextAddress++);
        return new String[] {sip ? "SIP" : "H323", address, String.valueOf(new int[] {180, 360, 720, 1080}[random.nextInt(4)]), name()};
    }

    /** A Vietnamese name, sometimes decomposed (NFD) as some tools save it: the same name to the directory. */
    private String name() {
        String n = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)];
        return random.nextInt(3) == 0 ? Normalizer.normalize(n, Normalizer.Form.NFD) : n;
    }

    /**
     * Valid changes: renames, numbers, networks, contacts, room systems added, removed or re-cased, re-parenting,
     * a few new leaves.
     */
    List<Row> edit(List<Row> base, boolean reparent) {
        List<Row> rows = new ArrayList<>();
        base.forEach(r -> rows.add(r.copy()));
        for (Row r : rows) {
            switch (random.nextInt(9)) {
                case 0 -> r.name = name();
                case 1 -> r.down = String.valueOf(64 + random.nextInt(1_000_000));
                case 2 -> r.network = r.network.equals("GOV_WAN") ? "INTERNET" : "GOV_WAN";
                case 3 -> r.rooms.add(room());
                case 4 -> {
                    if (!r.rooms.isEmpty()) {
                        r.rooms.remove(random.nextInt(r.rooms.size()));
                    }
                }
                case 5 -> r.contact = random.nextBoolean() ? name() : null;
                case 6 -> {
                    if (reparent) {
                        Row p = rows.get(random.nextInt(rows.size()));
                        if (!descendants(rows, r.code).contains(p.code)) {
                            r.parent = p.code;
                        }
                    }
                }
                case 7 -> {
                    // The same room system written in capitals: matched by address, updated in place.
                    r.rooms.forEach(x -> x[1] = x[1].toUpperCase(java.util.Locale.ROOT));
                }
                default -> { }
            }
        }
        for (int i = random.nextInt(4); i > 0; i--) {
            Row leaf = newRow(rows.get(random.nextInt(rows.size())).code);
            leaf.existsInDb = false;
            rows.add(leaf);
        }
        java.util.Collections.shuffle(rows, random);
        return rows;
    }

    /** {@code code} and every site below it in {@code rows}. */
    static Set<String> descendants(List<Row> rows, String code) {
        Map<String, List<String>> children = new HashMap<>();
        rows.forEach(r -> children.computeIfAbsent(r.parent, k -> new ArrayList<>()).add(r.code));
        Set<String> out = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of(code));
        while (!todo.isEmpty()) {
            String at = todo.remove(todo.size() - 1);
            if (out.add(at)) {
                todo.addAll(children.getOrDefault(at, List.of()));
            }
        }
        return out;
    }

    /**
     * Injects each fault on lines no other fault touches and returns, per faulty row index, the reason the
     * import must give. A fault with no suitable line (e.g. no site with a child for a cycle) is left out.
     */
    Map<Integer, String> inject(List<Row> rows, List<Fault> faults, boolean json) {
        Map<Integer, String> expected = new HashMap<>();
        Set<Integer> used = new HashSet<>();
        // Cycles first: they need a whole chain of untouched lines.
        List<Fault> order = new ArrayList<>(faults);
        order.sort(java.util.Comparator.comparing((Fault f) -> f != Fault.CYCLE));
        for (Fault f : order) {
            switch (f) {
                case CYCLE -> cycle(rows, used, expected);
                case DUPLICATE_CODE -> duplicate(rows, used, expected);
                default -> {
                    Integer i = free(rows, used, r -> true);
                    if (i == null) {
                        continue;
                    }
                    Row r = rows.get(i);
                    used.add(i);
                    switch (f) {
                        case UNKNOWN_PARENT -> {
                            r.parent = prefix + "KHONG-CO-" + random.nextInt(1000);
                            expected.put(i, "unknown-parent");
                        }
                        case BAD_SIP_URI -> {
                            r.rooms.add(new String[] {"SIP", "phonghop" + random.nextInt(1000) + "@", "720", "x"});
                            expected.put(i, "bad-sip-uri");
                        }
                        case UNKNOWN_REGION -> {
                            r.region = "WEST";
                            expected.put(i, "unknown-region");
                        }
                        default -> {
                            r.down = json ? "12" : "nhanh";
                            expected.put(i, json ? "out-of-range" : "not-a-number");
                        }
                    }
                }
            }
        }
        return expected;
    }

    /** A site takes one of its own descendants as parent: every line on the loop is wrong. */
    private void cycle(List<Row> rows, Set<Integer> used, Map<Integer, String> expected) {
        Map<String, Integer> index = indexOf(rows);
        for (int tries = 0; tries < 20; tries++) {
            int a = random.nextInt(rows.size());
            List<String> below = new ArrayList<>(descendants(rows, rows.get(a).code));
            below.remove(rows.get(a).code);
            if (below.isEmpty()) {
                continue;
            }
            String d = below.get(random.nextInt(below.size()));
            List<Integer> loop = new ArrayList<>();
            for (String at = d; !at.equals(rows.get(a).code); at = rows.get(index.get(at)).parent) {
                loop.add(index.get(at));
            }
            loop.add(a);
            if (loop.stream().anyMatch(used::contains)) {
                continue;
            }
            rows.get(a).parent = d;
            used.addAll(loop);
            loop.forEach(i -> expected.put(i, "cycle"));
            return;
        }
    }

    /** A later line repeats an earlier line's code; only the later one is wrong. */
    private void duplicate(List<Row> rows, Set<Integer> used, Map<Integer, String> expected) {
        Integer j = free(rows, used, r -> r.existsInDb);
        if (j == null || j == 0) {
            return;
        }
        int i = random.nextInt(j);
        if (used.contains(i)) {
            return;
        }
        rows.get(j).code = rows.get(i).code;
        used.add(i);
        used.add(j);
        expected.put(j, "duplicate-code");
    }

    private Integer free(List<Row> rows, Set<Integer> used, java.util.function.Predicate<Row> ok) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!used.contains(i) && ok.test(rows.get(i))) {
                candidates.add(i);
            }
        }
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    private static Map<String, Integer> indexOf(List<Row> rows) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            index.put(rows.get(i).code, i);
        }
        return index;
    }

    /** Row {@code i} is on line {@code i + 2} of both renderings (header or '[' on line 1). */
    static String csv(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        // contact_email is left out of the file on purpose: it must keep its value.
        String[] header = {"code", "name_vi", "kind", "region", "parent_code", "downlink_kbps", "uplink_kbps",
            "network", "contact_name", "contact_phone", "room_systems"};
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header).get())) {
            for (Row r : rows) {
                List<String> rooms = r.rooms.stream().map(x -> String.join("|", x)).toList();
                p.printRecord(r.code, r.name, r.kind, r.region, r.parent, r.down, r.up, r.network, r.contact,
                        r.phone, String.join(";", rooms));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String json(List<Row> rows) {
        List<String> elements = new ArrayList<>();
        for (Row r : rows) {
            List<String> rooms = r.rooms.stream().map(x -> "{\"protocol\":" + q(x[0]) + ",\"address\":" + q(x[1])
                    + ",\"maxResolution\":" + x[2] + ",\"name\":" + q(x[3]) + "}").toList();
            elements.add("{\"code\":" + q(r.code) + ",\"nameVi\":" + q(r.name) + ",\"kind\":" + q(r.kind)
                    + ",\"region\":" + q(r.region) + ",\"parentCode\":" + q(r.parent) + ",\"network\":{"
                    + "\"downlinkKbps\":" + r.down + ",\"uplinkKbps\":" + r.up + ",\"kind\":" + q(r.network)
                    + "},\"contact\":{\"name\":" + q(r.contact) + ",\"phone\":" + q(r.phone) + "},"
                    + "\"roomSystems\":[" + String.join(",", rooms) + "]}");
        }
        return "[\n" + String.join(",\n", elements) + "\n]\n";
    }

    private static String q(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }
}
