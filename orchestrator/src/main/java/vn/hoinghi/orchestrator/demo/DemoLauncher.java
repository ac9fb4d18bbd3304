package vn.hoinghi.orchestrator.demo;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import vn.hoinghi.orchestrator.Application;
import vn.hoinghi.orchestrator.access.AppUser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code --demo}: starts a throw-away PostgreSQL 17 (real server binaries, no installation), then the
 * orchestrator on it with the demo Ministry loaded, and prints how to log in.
 */
public final class DemoLauncher {
    private DemoLauncher() {
    }

    public static void run(String[] args) {
        EmbeddedPostgres pg = startPostgres();
        Map<String, Object> props = new HashMap<>();
        props.put("datasources.default.url", pg.getJdbcUrl("postgres", "hoinghi") + "&stringtype=unspecified");
        props.put("datasources.default.username", "postgres");
        props.put("datasources.default.password", "postgres");
        props.put("hoinghi.demo.enabled", true);
        // --communes adds the 3,321 communes: the ~4,000-site Ministry of the later rollout.
        props.put("hoinghi.demo.communes", java.util.Arrays.asList(args).contains("--communes"));
        // A short meeting that goes through its whole life on a simulated fleet (DemoWalk); --no-walk leaves it out.
        props.put("hoinghi.demo.walk", !java.util.Arrays.asList(args).contains("--no-walk"));
        // Fresh 256-bit keys per demo run: sessions end with the process, and no key ships in the jar.
        if (System.getenv("HOINGHI_JWT_SECRET") == null) {
            props.put("micronaut.security.token.jwt.signatures.secret.generator.secret", randomKey());
        }
        if (System.getenv("HOINGHI_MEET_APP_SECRET") == null) {
            props.put("hoinghi.meet.app-secret", randomKey());
        }
        // Sealed records: a self-signed PKCS#12 made at start (a ministry CA's keystore replaces it in production).
        if (System.getenv("HOINGHI_RECORDS_KEYSTORE") == null) {
            props.put("hoinghi.records.keystore", java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
                    "hoinghi-demo-records-" + ProcessHandle.current().pid() + ".p12").toString());
            props.put("hoinghi.records.keystore-password", randomKey());
            props.put("hoinghi.records.create-self-signed", true);
        }
        ApplicationContext ctx = Micronaut.build(args).mainClass(Application.class).properties(props).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(pg), "demo-postgres-stop"));
        int port = ctx.findBean(EmbeddedServer.class).map(EmbeddedServer::getPort).orElse(8080);
        printBanner(port);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static EmbeddedPostgres startPostgres() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE hoinghi");
            }
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the demo database", e);
        }
    }

    private static void printBanner(int port) {
        StringBuilder b = new StringBuilder();
        b.append("\n================ HoiNghi demo ================\n");
        b.append("  UI and API:  http://localhost:").append(port).append("/\n");
        b.append("  OpenAPI:     http://localhost:").append(port).append("/openapi\n");
        b.append("  Logins (password for all: ").append(DemoDataLoader.DEMO_PASSWORD).append("):\n");
        for (AppUser u : DemoDataLoader.users()) {
            b.append(String.format("    %-10s %-14s %s%n", u.username(), u.role(),
                    u.siteCode() == null ? "" : "(" + u.siteCode() + ")"));
        }
        String mailbox = System.getenv("HOINGHI_DEMO_MAILBOX");
        if (mailbox != null && !mailbox.isBlank()) {
            // Set by bin/demo-mailbox: where the invitations the demo sends can be read.
            b.append("  Mailbox:     ").append(mailbox.replace(" | ", "\n               ")).append("\n");
        }
        b.append("  Demo walk:   a 7-minute meeting starting in ~3-4 min runs to its end on a simulated fleet;\n")
                .append("               then: /api/v1/reports/meetings/{id} (+/csv, /pdf) and its sealed record\n");
        b.append("  Try: curl -c /tmp/hn -H 'Content-Type: application/json' -d '{\"username\":\"admin\",")
                .append("\"password\":\"").append(DemoDataLoader.DEMO_PASSWORD).append("\"}' http://localhost:")
                .append(port).append("/login && curl -b /tmp/hn 'http://localhost:").append(port)
                .append("/api/v1/sites?q=dak%20lak'\n");
        b.append("  Stop with Ctrl+C (the demo database is discarded).\n");
        b.append("==============================================\n");
        System.out.println(b);
    }

    private static void close(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException e) {
            System.err.println("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
