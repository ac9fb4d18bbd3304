package vn.hoinghi.orchestrator.provisioning.xmpp;

import io.micronaut.context.ApplicationContext;
import vn.hoinghi.orchestrator.access.Caller;
import vn.hoinghi.orchestrator.attendance.RollCall;
import vn.hoinghi.orchestrator.booking.BookingRequest;
import vn.hoinghi.orchestrator.booking.MeetingStatus;
import vn.hoinghi.orchestrator.demo.DemoMinistry;
import vn.hoinghi.orchestrator.provisioning.DialStore;
import vn.hoinghi.orchestrator.provisioning.FakeFleet;
import vn.hoinghi.orchestrator.provisioning.HandDriver;
import vn.hoinghi.orchestrator.provisioning.RoomNames;
import vn.hoinghi.orchestrator.sites.ImportReport;
import vn.hoinghi.orchestrator.sites.RoomProtocol;
import vn.hoinghi.orchestrator.sites.Site;
import vn.hoinghi.orchestrator.sites.SiteCsv;
import vn.hoinghi.orchestrator.sites.SiteImporter;
import vn.hoinghi.orchestrator.sites.SiteKind;
import vn.hoinghi.orchestrator.sites.NetworkKind;
import vn.hoinghi.orchestrator.sites.Region;
import vn.hoinghi.orchestrator.support.TestPostgres;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 15 part 1, the Ministry's all-hands end to end on a real Prosody with the protocol fakes: the real
 * application (booking, job runner on the hand clock, XmppConferenceControl, roll-call) books one meeting for
 * {@code sites} sites ({@code interactive} of them in the main room, the rest viewers, {@code roomSystems} joining by
 * room system), prepares it at T-15, dials the room systems at the start, and lets one simulated participant per
 * site join the MUC with its site identity ({@link ParticipantCrowd}). Each step is timed on the wall clock.
 * Shared by {@code AllHandsTest} (reduced size, asserts) and {@link AllHandsBenchmark} (full size, prints).
 */
final class AllHands implements AutoCloseable {
    /** {@code visitorNodes} > 0: the viewers are sent by the focus to that many visitor nodes (DESIGN §4). */
    record Size(int sites, int interactive, int roomSystems, int visitorNodes) {
        Size(int sites, int interactive, int roomSystems) {
            this(sites, interactive, roomSystems, 0);
        }

        int viewers() {
            return sites - interactive;
        }
    }

    final Size size;
    final ProsodyServer prosody;
    final FakeJigasi jigasi;
    final FakeJicofo jicofo;
    /** Visitor node id → its Prosody; empty without visitor nodes. */
    final Map<String, ProsodyServer> visitorNodes = new LinkedHashMap<>();
    final ApplicationContext ctx;
    final HandDriver run;
    /** Invited site code → its Vietnamese name, in invitation order; participant n is the n-th site's. */
    final Map<String, String> sites = new LinkedHashMap<>();
    final List<String> roomSystemSites = new ArrayList<>();
    long meetingId;
    String room;
    Instant start;
    private ParticipantCrowd crowd;
    private final Map<String, ParticipantCrowd> visitorCrowds = new LinkedHashMap<>();
    private long lastJoinSent;
    /** How long the focus took to answer every participant's ConferenceIq (with visitor nodes). */
    Duration focusAnswered = Duration.ZERO;

    private AllHands(Size size, Map<String, Object> extra) throws Exception {
        this.size = size;
        prosody = ProsodyServer.startWithCrowd(List.of("focus@" + ProsodyServer.AUTH,
                "hoinghi@" + ProsodyServer.AUTH, "jigasi@" + ProsodyServer.AUTH));
        jigasi = new FakeJigasi(prosody, 4);
        jicofo = new FakeJicofo(prosody, Duration.ofSeconds(15), jigasi);
        FakeFleet.CLOCK.set(Instant.now());
        Map<String, Object> p = new HashMap<>(HandDriver.properties(TestPostgres.freshDatabase(AllHands.class)));
        p.putAll(TestClients.orchestratorProperties(prosody));
        for (int i = 1; i <= size.visitorNodes(); i++) {
            ProsodyServer node = ProsodyServer.startVisitorNode("v" + i);
            visitorNodes.put("v" + i, node);
            String key = "hoinghi.xmpp.visitor-nodes.v" + i + ".";
            p.put(key + "host", "127.0.0.1");
            p.put(key + "port", node.port());
            p.put(key + "domain", node.domain());
            p.put(key + "password", ProsodyServer.PASSWORD);
        }
        if (!visitorNodes.isEmpty()) {
            // Jicofo's max-participants for the main room and a per-node limit that spreads the viewers evenly.
            jicofo.visitors = new FakeJicofoVisitors(visitorNodes, size.interactive(),
                    (size.viewers() + visitorNodes.size() - 1) / visitorNodes.size());
        }
        // The configured fleet of a full-size deployment (no bridge joins the breweries here): room for 4,000.
        for (String region : List.of("NORTH", "CENTRAL", "SOUTH")) {
            p.put("hoinghi.fleet." + region + ".bridges", 40);
            p.put("hoinghi.fleet." + region + ".visitor-nodes", 20);
            p.put("hoinghi.fleet." + region + ".jibri-sip", 200);
            p.put("hoinghi.fleet." + region + ".jigasi", 20);
        }
        p.putAll(extra);
        ctx = ApplicationContext.run(p);
        run = new HandDriver(ctx);
        if (!ctx.getBean(XmppSession.class).awaitLogin(Duration.ofSeconds(20))) {
            throw new IllegalStateException("the orchestrator did not log in to Prosody: " + prosody.log());
        }
    }

    /** Prosody, the fakes and the application up, the directory imported with at least {@code size.sites()} sites. */
    static AllHands start(Size size, Map<String, Object> extra) throws Exception {
        AllHands a = new AllHands(size, extra);
        a.importDirectory();
        return a;
    }

    private void importDirectory() {
        List<Site> all = new ArrayList<>(DemoMinistry.sites(size.sites() > 400));
        // The demo has 3,775 sites with communes: more commune offices, each with a room system, make up the rest.
        for (int n = 1; all.size() < size.sites() + 1; n++) {
            String code = String.format("XA-THEM-%04d", n);
            all.add(new Site(code, "Công chức tư pháp bổ sung số " + n, SiteKind.COMMUNE, Region.values()[n % 3],
                    "STP-HNI", new Site.NetworkProfile(4_096, 2_048, NetworkKind.INTERNET), Site.Contact.NONE,
                    List.of(new Site.RoomSystem("Phòng họp", RoomProtocol.SIP,
                            "sip:phonghop@" + code.toLowerCase() + ".example.vn", 360)), 0));
        }
        ImportReport report = ctx.getBean(SiteImporter.class).importFile(Caller.SYSTEM, SiteImporter.Format.CSV,
                SiteCsv.write(all).getBytes(StandardCharsets.UTF_8), false);
        if (report.created() != all.size()) {
            throw new IllegalStateException("directory import: " + report);
        }
        List<Site> withRooms = all.stream().filter(s -> !s.roomSystems().isEmpty()).toList();
        for (Site s : withRooms.subList(0, size.roomSystems())) {
            roomSystemSites.add(s.code());
            sites.put(s.code(), s.nameVi());
        }
        for (Site s : all) {
            if (sites.size() == size.sites()) {
                break;
            }
            sites.putIfAbsent(s.code(), s.nameVi());
        }
    }

    /** Books the meeting two hours ahead; returns how long the booking took. */
    Duration book() {
        start = FakeFleet.CLOCK.instant().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
        List<BookingRequest.Invite> invites = new ArrayList<>();
        int i = 0;
        for (String code : sites.keySet()) {
            invites.add(new BookingRequest.Invite(code, i++ < size.interactive() ? "INTERACTIVE" : "VIEWER",
                    roomSystemSites.contains(code) ? "ROOM_SYSTEM" : "BROWSER", null));
        }
        long t0 = System.nanoTime();
        meetingId = run.book(start, Duration.ofHours(1), invites);
        Duration took = since(t0);
        room = RoomNames.of(meetingId);
        return took;
    }

    /** T-15: the room allocated through Jicofo and HoiNghi in it. */
    Duration prepare() {
        long t0 = System.nanoTime();
        run.at(start.minus(Duration.ofMinutes(15)));
        expect(MeetingStatus.READY);
        return since(t0);
    }

    /** The start: every room system dialled; returns when the last attempt is CONNECTED (Jibri's call state on). */
    Duration dialOut(Duration timeout) throws InterruptedException {
        long t0 = System.nanoTime();
        run.at(start);
        expect(MeetingStatus.LIVE);
        boolean all = TestClients.eventually(timeout, () -> run.attempts(meetingId).stream()
                .filter(a -> "CONNECTED".equals(a.outcome())).count() >= roomSystemSites.size());
        if (!all) {
            throw new IllegalStateException("room systems not all connected: " + run.attempts(meetingId));
        }
        return since(t0);
    }

    /**
     * One participant per invited site enters the MUC, as fast as the socket takes them; returns the send time.
     * With visitor nodes each first asks the focus (ConferenceIq, viewers with {@code visitor=true}) and joins
     * where the answer sends it: the main room, or the room of the same name on its visitor node.
     */
    Duration joinEveryone() throws Exception {
        crowd = new ParticipantCrowd(prosody);
        for (Map.Entry<String, ProsodyServer> node : visitorNodes.entrySet()) {
            visitorCrowds.put(node.getKey(), new ParticipantCrowd(node.getValue()));
        }
        if (!visitorNodes.isEmpty()) {
            askTheFocus(Duration.ofSeconds(60));
        }
        long t0 = System.nanoTime();
        int n = 0;
        for (Map.Entry<String, String> site : sites.entrySet()) {
            crowdOf(n).join(room, n++, site.getKey(), site.getValue());
        }
        lastJoinSent = System.nanoTime();
        return Duration.ofNanos(lastJoinSent - t0);
    }

    /** Every participant's ConferenceIq, then every answer; returns how long that took. */
    Duration askTheFocus(Duration timeout) throws Exception {
        long t0 = System.nanoTime();
        String focus = "focus@" + ProsodyServer.AUTH + "/focus";
        for (int n = 0; n < sites.size(); n++) {
            crowd.requestConference(room, ProsodyServer.MUC, focus, n, n >= size.interactive());
        }
        if (!TestClients.eventually(timeout, () -> crowd.answered() >= sites.size())) {
            throw new IllegalStateException("the focus answered " + crowd.answered() + " of " + sites.size());
        }
        focusAnswered = since(t0);
        return focusAnswered;
    }

    private ParticipantCrowd crowdOf(int n) {
        String node = visitorNodes.isEmpty() ? "" : crowd.redirect(n);
        return node.isEmpty() ? crowd : visitorCrowds.get(node);
    }

    /** Participant {@code n} leaves wherever it is. */
    void leave(int n) throws Exception {
        crowdOf(n).leave(room, n);
    }

    /** Participant {@code n} joins again where the focus sent it. */
    void rejoin(int n) throws Exception {
        Map.Entry<String, String> site = new ArrayList<>(sites.entrySet()).get(n);
        crowdOf(n).join(room, n, site.getKey(), site.getValue());
    }

    /** Participants the focus sent to visitor node {@code node}. */
    long sentTo(String node) {
        return java.util.stream.IntStream.range(0, sites.size()).filter(n -> node.equals(crowd.redirect(n))).count();
    }

    /** From the last join sent until Prosody confirmed every join (self-presence) to the crowd. */
    Duration joinsConfirmed(Duration timeout) throws InterruptedException {
        if (!TestClients.eventually(timeout, () -> confirmed() >= sites.size())) {
            String log = prosody.log();
            throw new IllegalStateException("Prosody confirmed " + confirmed() + " of " + sites.size()
                    + " (" + crowd.bytesRead() + " bytes read); log tail: " + log.substring(Math.max(0, log.length() - 3000)));
        }
        return since(lastJoinSent);
    }

    private long confirmed() {
        return crowd.confirmed() + visitorCrowds.values().stream().mapToLong(ParticipantCrowd::confirmed).sum();
    }

    /** From the last join sent until {@code GET …/attendance} shows every invited site PRESENT. */
    Duration rollCallComplete(Duration timeout) throws InterruptedException {
        // Every 250 ms, not 20: one roll-call of 4,000 invitations is a heavy read, and the poll must not be what
        // loads the orchestrator (at 20 ms it took 19 s of CPU in a 4,000-site run).
        if (!TestClients.eventually(timeout, Duration.ofMillis(250), () -> missing().isEmpty())) {
            throw new IllegalStateException("not present after " + timeout + ": " + missing().size() + " sites, e.g. "
                    + missing().stream().limit(5).toList());
        }
        return since(lastJoinSent);
    }

    List<String> missing() {
        return notIn(RollCall.State.PRESENT);
    }

    List<String> notIn(RollCall.State state) {
        return ctx.getBean(RollCall.class).of(meetingId).orElseThrow().stream()
                .filter(a -> a.state() != state).map(RollCall.SiteAttendance::site).toList();
    }

    /** Endpoint id → site code, as the simulated participants joined. */
    Map<String, String> endpoints() {
        Map<String, String> out = new LinkedHashMap<>();
        int n = 0;
        for (String code : sites.keySet()) {
            out.put(ParticipantCrowd.endpoint(n++), code);
        }
        return out;
    }

    /** Where the room system of {@code site} is called: the first rung of its dial ladder. */
    String dialTarget(String site) {
        return run.audioTarget(meetingId, site);
    }

    List<DialStore.Attempt> attempts() {
        return run.attempts(meetingId);
    }

    void end() {
        run.at(start.plus(Duration.ofHours(1)));
        expect(MeetingStatus.ENDED);
    }

    private void expect(MeetingStatus status) {
        MeetingStatus now = run.meeting(meetingId).status();
        if (now != status) {
            throw new IllegalStateException("meeting " + meetingId + " is " + now + ", expected " + status
                    + "; transitions " + run.transitions(meetingId));
        }
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    @Override
    public void close() throws Exception {
        if (crowd != null) {
            crowd.close();
        }
        for (ParticipantCrowd c : visitorCrowds.values()) {
            c.close();
        }
        ctx.close();
        if (jicofo.visitors != null) {
            jicofo.visitors.close();
        }
        jicofo.close();
        jigasi.close();
        prosody.close();
        for (ProsodyServer node : visitorNodes.values()) {
            node.close();
        }
    }
}
