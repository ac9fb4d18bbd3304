package vn.hoinghi.orchestrator.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * One real PostgreSQL 17 per test JVM (started on first use, stopped at exit) and a fresh database per test
 * class, so classes never see each other's rows and no test needs cleanup.
 */
public final class TestPostgres {
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the data directory is temporary anyway
                }
            }));
        }
        return server;
    }

    /** Creates an empty database for {@code owner} and returns its JDBC URL (with stringtype=unspecified). */
    public static synchronized String freshDatabase(Class<?> owner) {
        String name = "t_" + owner.getSimpleName().toLowerCase(Locale.ROOT) + "_" + System.nanoTime() % 100000;
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return server().getJdbcUrl("postgres", name) + "&stringtype=unspecified";
    }

    /** A raw connection, for tests that must act behind the application's back (e.g. tampering). */
    public static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, "postgres", "postgres");
    }
}
