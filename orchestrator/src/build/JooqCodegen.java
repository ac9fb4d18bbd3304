import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.ForcedType;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build-time step (run by exec-maven-plugin in generate-sources): applies the Flyway migrations to a throw-away
 * PostgreSQL 17 and generates jOOQ classes from the live schema. DDLDatabase cannot be used: it replays the DDL
 * on H2, which knows neither exclusion constraints nor ranges. A stamp (hash of the migrations) skips the work
 * when nothing changed, which keeps incremental builds at ~2 s.
 */
public class JooqCodegen {
    /** Bump when this generator's settings change, so the stamp no longer matches. */
    private static final String GENERATOR_VERSION = "3";

    public static void main(String[] args) throws Exception {
        Path migrations = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path stamp = out.resolveSibling("jooq.stamp");
        String hash = hashOf(migrations);
        if (Files.isDirectory(out) && Files.exists(stamp) && Files.readString(stamp).equals(hash)) {
            System.out.println("[jooq-codegen] migrations unchanged, keeping " + out);
            return;
        }
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            Flyway.configure()
                    .dataSource(url, "postgres", "postgres")
                    .locations("filesystem:" + migrations.toAbsolutePath())
                    .schemas("hoinghi")
                    .load()
                    .migrate();
            GenerationTool.generate(new Configuration()
                    .withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(url)
                            .withUser("postgres").withPassword("postgres"))
                    .withGenerator(new Generator()
                            .withDatabase(new Database()
                                    .withName("org.jooq.meta.postgres.PostgresDatabase")
                                    .withInputSchema("hoinghi")
                                    .withIncludeRoutines(false)
                                    .withExcludes("flyway_schema_history")
                                    .withForcedTypes(
                                            new ForcedType()
                                                    .withName("VARCHAR")
                                                    .withIncludeTypes("citext"),
                                            new ForcedType()
                                                    .withUserType("org.jooq.postgres.extensions.types.OffsetDateTimeRange")
                                                    .withBinding("org.jooq.postgres.extensions.bindings.OffsetDateTimeRangeBinding")
                                                    .withIncludeTypes("tstzrange")))
                            .withGenerate(new Generate()
                                    .withRecords(true)
                                    .withPojos(false)
                                    .withJavaTimeTypes(true)
                                    .withGeneratedAnnotation(false))
                            .withTarget(new Target()
                                    .withPackageName("vn.hoinghi.orchestrator.platform.db.jooq")
                                    .withDirectory(out.toString()))));
        }
        Files.writeString(stamp, hash);
    }

    private static String hashOf(Path dir) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            sha.update(f.getFileName().toString().getBytes());
            sha.update(Files.readAllBytes(f));
        }
        sha.update(GENERATOR_VERSION.getBytes());
        return HexFormat.of().formatHex(sha.digest());
    }
}
