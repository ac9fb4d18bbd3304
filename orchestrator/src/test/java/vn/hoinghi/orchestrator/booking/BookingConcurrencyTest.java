package vn.hoinghi.orchestrator.booking;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hoinghi.orchestrator.platform.errors.Problem;
import vn.hoinghi.orchestrator.sites.Site;
import vn.hoinghi.orchestrator.sites.SiteStore;
import vn.hoinghi.orchestrator.support.Api;
import vn.hoinghi.orchestrator.support.DatabaseTest;
import vn.hoinghi.orchestrator.support.Fixtures;
import vn.hoinghi.orchestrator.support.Probe;
import vn.hoinghi.orchestrator.support.TestPostgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.orchestrator.booking.Bookings.room;
import static vn.hoinghi.orchestrator.booking.Bookings.simple;

/**
 * 50 real threads book the South at the same hour, through HTTP, against real PostgreSQL. The South has five SIP
 * gateways and fewer room systems than bookers: capacity must never be over-committed and no room system booked
 * twice, whatever the interleaving.
 */
@MicronautTest(transactional = false)
class BookingConcurrencyTest extends DatabaseTest {
    private static final int BOOKERS = 50;
    private static final int GATEWAYS = 5;

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    @Inject
    SiteStore sites;
    @Inject
    Probe probe;
    @Inject
    JsonMapper json;
    Api secretariat;
    List<Site> south;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("hoinghi.fleet.SOUTH.jibri-sip", String.valueOf(GATEWAYS));
    }

    @BeforeAll
    void load() {
        fixtures.ministryWithUsers();
        secretariat = Api.login(client.toBlocking(), "thuky", Fixtures.PASSWORD);
        south = probe.read(() -> sites.matching(vn.hoinghi.orchestrator.sites.Region.SOUTH, List.of(), null));
    }

    @Test
    void fiftyConcurrentBookersNeverOverCommitNorDoubleBook() throws Exception {
        List<Site> withRooms = south.stream().filter(s -> !s.roomSystems().isEmpty()).toList();
        assertThat(withRooms.size()).isGreaterThan(GATEWAYS).isLessThan(BOOKERS);
        ExecutorService pool = Executors.newFixedThreadPool(BOOKERS);
        CountDownLatch start = new CountDownLatch(1);
        Map<Integer, List<String>> outcomes = new ConcurrentHashMap<>();
        List<Runnable> jobs = new ArrayList<>();
        for (int i = 0; i < BOOKERS; i++) {
            Site host = south.get(i);
            Site guest = withRooms.get(i % withRooms.size());
            jobs.add(() -> {
                try {
                    start.await();
                    var r = secretariat.text(HttpRequest.POST("/api/v1/meetings",
                            simple("Họp đồng thời", host.code(), 20, 8, 10, List.of(room(guest.code())))));
                    String code = r.code() == 201 ? "booked" : json.readValue(r.body(), Problem.class).code();
                    outcomes.computeIfAbsent(r.code(), k -> Collections.synchronizedList(new ArrayList<>())).add(code);
                } catch (Exception e) {
                    outcomes.computeIfAbsent(-1, k -> Collections.synchronizedList(new ArrayList<>())).add(e.toString());
                }
            });
        }
        jobs.forEach(pool::submit);
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();

        assertThat(outcomes.keySet()).as(outcomes.toString()).containsOnly(201, 409);
        assertThat(outcomes.get(201)).as("as many bookings as gateways").hasSize(GATEWAYS);
        assertThat(outcomes.get(409)).containsOnly("capacity-exceeded", "booking-clash").hasSize(BOOKERS - GATEWAYS);
        try (Connection c = TestPostgres.connect(jdbcUrl); Statement s = c.createStatement()) {
            ResultSet gateways = s.executeQuery("SELECT coalesce(sum(r.video_gateways), 0) FROM hoinghi.capacity_reservation r"
                    + " JOIN hoinghi.meeting m ON m.id = r.meeting_id WHERE r.region = 'SOUTH' AND m.status = 'BOOKED'");
            gateways.next();
            assertThat(gateways.getLong(1)).as("reserved gateways").isLessThanOrEqualTo(GATEWAYS);
            ResultSet doubles = s.executeQuery("SELECT count(*) FROM hoinghi.room_hold a JOIN hoinghi.room_hold b"
                    + " ON a.room_system_id = b.room_system_id AND a.meeting_id < b.meeting_id"
                    + " AND a.during && b.during WHERE a.active AND b.active");
            doubles.next();
            assertThat(doubles.getLong(1)).as("room systems booked twice").isZero();
        }
        var usage = secretariat.send(HttpRequest.GET("/api/v1/capacity"),
                io.micronaut.core.type.Argument.listOf(CapacityController.RegionUsage.class)).body();
        assertThat(usage).filteredOn(u -> u.region().equals("SOUTH")).singleElement().satisfies(u -> {
            assertThat(u.overCommitted()).isFalse();
            assertThat(u.peakReserved().videoGateways()).isEqualTo(GATEWAYS);
            assertThat(u.offered().videoGateways()).isEqualTo(GATEWAYS);
        });
    }

    @Test
    void aRefusalNamesTheRegionTheWindowAndTheShortfall() throws Exception {
        List<BookingRequest.Invite> rooms = south.stream().filter(s -> !s.roomSystems().isEmpty())
                .limit(GATEWAYS + 2).map(s -> room(s.code())).toList();
        var r = secretariat.text(HttpRequest.POST("/api/v1/meetings",
                simple("Quá sức", "STP-HCM", 25, 14, 16, rooms)));
        assertThat(r.code()).as(r.body()).isEqualTo(409);
        Problem p = json.readValue(r.body(), Problem.class);
        assertThat(p.code()).isEqualTo("capacity-exceeded");
        assertThat(p.detail()).contains("miền Nam", "cổng SIP video", "13:45");
        assertThat(p.detailEn()).contains("SOUTH", "short by 2 video gateways");
        assertThat(p.errors()).extracting(Problem.FieldError::field, Problem.FieldError::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("capacity.SOUTH", "short-video-gateways"));
    }
}
