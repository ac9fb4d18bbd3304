package vn.hoinghi.orchestrator.provisioning.xmpp;

import io.micronaut.context.ApplicationContext;
import vn.hoinghi.orchestrator.access.Caller;
import vn.hoinghi.orchestrator.attendance.RollCall;
import vn.hoinghi.orchestrator.booking.MeetingStatus;
import vn.hoinghi.orchestrator.provisioning.DialStore;
import vn.hoinghi.orchestrator.provisioning.FakeFleet;
import vn.hoinghi.orchestrator.provisioning.HandDriver;
import vn.hoinghi.orchestrator.provisioning.RoomNames;
import vn.hoinghi.orchestrator.sites.ImportReport;
import vn.hoinghi.orchestrator.sites.SiteImporter;
import vn.hoinghi.orchestrator.support.TestPostgres;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 15 part 1, the Ministry's all-hands end to end on a real Prosody with the protocol fakes
 * ({@link AllHandsPeers}), the orchestrator in this JVM: the real application (booking, job runner on the hand
 * clock, XmppConferenceControl, roll-call) books one meeting for {@code sites} sites ({@code interactive} of them in
 * the main room, the rest viewers, {@code roomSystems} joining by room system), prepares it at T-15, dials the room
 * systems at the start, and lets one simulated participant per site join with its site identity. Used by
 * {@code AllHandsTest} (reduced size, asserts); {@link AllHandsBenchmark} runs the same with the orchestrator in its
 * own process.
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
    final AllHandsPeers peers;
    final FakeJicofo jicofo;
    final ApplicationContext ctx;
    final HandDriver run;
    /** Invited site code → its Vietnamese name, in invitation order; participant n is the n-th site's. */
    final Map<String, String> sites;
    final List<String> roomSystemSites;
    private final AllHandsDirectory directory;
    long meetingId;
    String room;
    Instant start;

    private AllHands(Size size, Map<String, Object> extra) throws Exception {
        this.size = size;
        peers = new AllHandsPeers(size);
        jicofo = peers.jicofo;
        directory = AllHandsDirectory.of(size);
        sites = directory.invited();
        roomSystemSites = directory.roomSystemSites();
        FakeFleet.CLOCK.set(Instant.now());
        Map<String, Object> p = new HashMap<>(HandDriver.properties(TestPostgres.freshDatabase(AllHands.class)));
        p.putAll(peers.orchestratorProperties());
        p.putAll(extra);
        ctx = ApplicationContext.run(p);
        run = new HandDriver(ctx);
        if (!ctx.getBean(XmppSession.class).awaitLogin(Duration.ofSeconds(20))) {
            throw new IllegalStateException("the orchestrator did not log in to Prosody: " + peers.prosody.log());
        }
    }

    /** Prosody, the fakes and the application up, the directory imported with at least {@code size.sites()} sites. */
    static AllHands start(Size size, Map<String, Object> extra) throws Exception {
        AllHands a = new AllHands(size, extra);
        ImportReport report = a.ctx.getBean(SiteImporter.class).importFile(Caller.SYSTEM, SiteImporter.Format.CSV,
                a.directory.csv(), false);
        if (report.created() != a.directory.all().size()) {
            throw new IllegalStateException("directory import: " + report);
        }
        return a;
    }

    /** Books the meeting two hours ahead; returns how long the booking took. */
    Duration book() {
        start = FakeFleet.CLOCK.instant().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
        long t0 = System.nanoTime();
        meetingId = run.book(start, Duration.ofHours(1), directory.invites(size.interactive()));
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

    /** Every site's participant joins where the focus sends it ({@link AllHandsPeers#joinEveryone}). */
    Duration joinEveryone() throws Exception {
        return peers.joinEveryone(room, sites);
    }

    /** Participant {@code n} leaves wherever it is. */
    void leave(int n) throws Exception {
        peers.crowdOf(n).leave(room, n);
    }

    /** Participant {@code n} joins again where the focus sent it. */
    void rejoin(int n) throws Exception {
        Map.Entry<String, String> site = new ArrayList<>(sites.entrySet()).get(n);
        peers.crowdOf(n).join(room, n, site.getKey(), site.getValue());
    }

    long sentTo(String node) {
        return peers.sentTo(node);
    }

    Duration joinsConfirmed(Duration timeout) throws InterruptedException {
        return peers.joinsConfirmed(timeout);
    }

    Duration focusAnswered() {
        return peers.focusAnswered;
    }

    /** From the last join sent until the roll-call shows every invited site PRESENT. */
    Duration rollCallComplete(Duration timeout) throws InterruptedException {
        // Every 250 ms, not 20: one roll-call of 4,000 invitations is a heavy read, and the poll must not be what
        // loads the orchestrator (at 20 ms it took 19 s of CPU in a 4,000-site run).
        if (!TestClients.eventually(timeout, Duration.ofMillis(250), () -> missing().isEmpty())) {
            throw new IllegalStateException("not present after " + timeout + ": " + missing().size() + " sites, e.g. "
                    + missing().stream().limit(5).toList());
        }
        return peers.sinceLastJoin();
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
        return directory.endpoints();
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

    static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    @Override
    public void close() throws Exception {
        ctx.close();
        peers.close();
    }
}
