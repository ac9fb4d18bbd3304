package vn.hoinghi.orchestrator.support;

import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

/**
 * Base for component and HTTP tests: the Micronaut context of each test class runs on its own fresh database.
 * Subclasses add {@code @MicronautTest(transactional = false)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DatabaseTest implements TestPropertyProvider {
    /** A fixed test-only key; never used outside tests. */
    public static final String JWT_SECRET = "test-only-secret-of-at-least-256-bits-0123456789abcdef";
    protected String jdbcUrl;

    @Override
    public Map<String, String> getProperties() {
        jdbcUrl = TestPostgres.freshDatabase(getClass());
        Map<String, String> p = new HashMap<>();
        p.put("datasources.default.url", jdbcUrl);
        p.put("datasources.default.username", "postgres");
        p.put("datasources.default.password", "postgres");
        p.put("micronaut.security.token.jwt.signatures.secret.generator.secret", JWT_SECRET);
        // A free port per context: tests never collide with each other or with a running demo on 8080.
        p.put("micronaut.server.port", "-1");
        // Tests that need the job runner drive it by hand (JobRunner.runDue) on a clock they control.
        p.put("hoinghi.provisioning.runner-enabled", "false");
        p.putAll(extraProperties());
        return p;
    }

    protected Map<String, String> extraProperties() {
        return Map.of();
    }
}
