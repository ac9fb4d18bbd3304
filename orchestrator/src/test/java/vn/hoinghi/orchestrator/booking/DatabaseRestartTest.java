package vn.hoinghi.orchestrator.booking;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.hoinghi.orchestrator.provisioning.HandDriver;
import vn.hoinghi.orchestrator.support.Api;
import vn.hoinghi.orchestrator.support.Fixtures;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault: PostgreSQL restarted under booking load. Its own PostgreSQL 17 (the shared test server must not stop),
 * restarted on the same port and data while four secretaries keep booking over HTTP, each booking with its own
 * Idempotency-Key and retried with that key until it is answered 201, as a client told "503, retry" does. While the
 * database is down the API answers 503 problem+json {@code database-unavailable} with Retry-After; afterwards
 * every booking exists exactly once. Prints the measured cost.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseRestartTest {
    private static final int BOOKERS = 4;
    private static final int PER_BOOKER = 12;
    private Path data;
    private int port;
    private EmbeddedPostgres postgres;
    private EmbeddedServer server;

    private EmbeddedPostgres startPostgres() throws Exception {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false).start();
    }

    @BeforeAll
    void start() throws Exception {
        data = Files.createTempDirectory("pg-restart");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        postgres = startPostgres();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE hoinghi_restart");
        }
        Map<String, Object> p = HandDriver.properties(postgres.getJdbcUrl("postgres", "hoinghi_restart")
                + "&stringtype=unspecified");
        p.put("test.hand-clock", false);
        p.put("micronaut.server.port", -1);
        server = ApplicationContext.run(EmbeddedServer.class, p);
        server.getApplicationContext().getBean(Fixtures.class).ministryWithUsers();
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
        postgres.close();
    }

    /** One booking answered: its status, when, and how long the answer took. */
    private record Answer(int booker, int n, int status, String contentType, String code, String retryAfter,
                          long at, long tookNanos) {
    }

    @Test
    void bookingsGoOnAcrossARestartWith503sMeanwhileAndNoneLostOrDoubled() throws Exception {
        Api api = Api.login(HttpClient.create(server.getURL()).toBlocking(), "thuky", Fixtures.PASSWORD);
        List<Answer> answers = new CopyOnWriteArrayList<>();
        Set<Long> booked = ConcurrentHashMap.newKeySet();
        AtomicBoolean restarted = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(BOOKERS);
        List<Future<?>> bookers = new ArrayList<>();
        for (int b = 0; b < BOOKERS; b++) {
            int booker = b;
            bookers.add(pool.submit(() -> {
                for (int n = 0; n < PER_BOOKER; n++) {
                    // Each booker its own host and hours, so no booking is refused as a clash.
                    BookingRequest r = Bookings.simple("Họp tải " + booker + "-" + n, HOSTS[booker], 20 + n,
                            7 + booker * 3, 8 + booker * 3, List.of(Bookings.browser(GUESTS[booker])));
                    String key = "restart-" + booker + "-" + n;
                    while (true) {
                        long t = System.nanoTime();
                        HttpResponse<String> res = api.text(HttpRequest.POST("/api/v1/meetings", r)
                                .header("Idempotency-Key", key));
                        String body = res.body() == null ? "" : res.body();
                        answers.add(new Answer(booker, n, res.code(), res.getContentType().map(Object::toString)
                                .orElse(""), body.contains("\"database-unavailable\"") ? "database-unavailable" : "",
                                res.header("Retry-After"), System.nanoTime(), System.nanoTime() - t));
                        if (res.code() == 201) {
                            booked.add(Long.parseLong(body.replaceAll("(?s).*?\"id\"\\s*:\\s*(\\d+).*", "$1")));
                            break;
                        }
                        assertThat(res.code()).as(body).isEqualTo(503);
                        sleep(200);
                    }
                    sleep(150);
                    if (n == PER_BOOKER / 3 && booker == 0 && restarted.compareAndSet(false, true)) {
                        restartPostgres(answers);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : bookers) {
            f.get();
        }
        pool.shutdown();

        List<Answer> unavailable = answers.stream().filter(a -> a.status() == 503).toList();
        assertThat(unavailable).as("503s while PostgreSQL was down").isNotEmpty();
        assertThat(unavailable).allSatisfy(a -> {
            assertThat(a.contentType()).startsWith("application/problem+json");
            assertThat(a.code()).isEqualTo("database-unavailable");
            assertThat(a.retryAfter()).isEqualTo("5");
        });
        assertThat(booked).as("every booking answered 201 once, with its own meeting").hasSize(BOOKERS * PER_BOOKER);
        try (Connection c = postgres.getDatabase("postgres", "hoinghi_restart").getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT title) FROM hoinghi.meeting"
                     + " WHERE title LIKE 'Họp tải %'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("no booking lost or doubled").isEqualTo(BOOKERS * PER_BOOKER);
            assertThat(rs.getInt(2)).isEqualTo(BOOKERS * PER_BOOKER);
        }
        long slowest503 = unavailable.stream().mapToLong(Answer::tookNanos).max().orElse(0);
        long back = answers.stream().filter(a -> a.status() == 201 && a.at() > downAt).mapToLong(Answer::at).min()
                .orElse(upAt);
        System.out.printf("FAULT postgres restart: down %.2f s; %d answers 503 (slowest %.2f s); first booking "
                        + "after the restart %.2f s after PostgreSQL was back; %d bookings, none lost or doubled%n",
                (upAt - downAt) / 1e9, unavailable.size(), slowest503 / 1e9, (back - upAt) / 1e9, booked.size());
        assertThat(slowest503 / 1e9).as("a 503 comes within the pool's 5 s wait").isLessThan(8.0);
    }

    private static final String[] HOSTS = {"STP-HNI", "STP-HPG", "STP-DNG", "STP-HCM"};
    private static final String[] GUESTS = {"THADS-HNI", "THADS-HPG", "THADS-DNG", "THADS-HCM"};
    private volatile long downAt;
    private volatile long upAt;

    /** Stops PostgreSQL (fast shutdown: sessions cut), keeps it down 3 s under load, starts it on the same data. */
    private void restartPostgres(List<Answer> answers) {
        try {
            downAt = System.nanoTime();
            postgres.close();
            sleep(3000);
            postgres = startPostgres();
            upAt = System.nanoTime();
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL restart failed", e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
