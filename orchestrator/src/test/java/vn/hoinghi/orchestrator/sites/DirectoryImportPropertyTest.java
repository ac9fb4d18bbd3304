package vn.hoinghi.orchestrator.sites;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import vn.hoinghi.orchestrator.platform.errors.Problem;
import vn.hoinghi.orchestrator.support.Api;
import vn.hoinghi.orchestrator.support.DatabaseTest;
import vn.hoinghi.orchestrator.support.Fixtures;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, as a property: for random directories, random valid edits and injected faults, an import (CSV or
 * JSON) reports every faulty line and only those, with the injected reason among each line's errors; the dry run
 * and the real import give the same answer; nothing ever answers 5xx; a clean file, imported, re-imports as
 * unchanged. One application and one database serve every try (each try works in its own code prefix).
 */
class DirectoryImportPropertyTest {
    private static final AtomicInteger TRY = new AtomicInteger();
    private static ApplicationContext context;
    private static Api api;

    @BeforeContainer
    static void start() {
        Map<String, Object> properties = new HashMap<>(new DatabaseTest() { }.getProperties());
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        context = server.getApplicationContext();
        context.getBean(Fixtures.class).ministryWithUsers();
        HttpClient client = context.createBean(HttpClient.class, server.getURL());
        api = Api.login(client.toBlocking(), "thuky", Fixtures.PASSWORD);
    }

    @AfterContainer
    static void stop() {
        context.close();
    }

    @Property(tries = 40, shrinking = ShrinkingMode.OFF)
    void importsReportExactlyTheFaultyLinesAndDryRunAgrees(
            @ForAll long seed,
            @ForAll @IntRange(min = 3, max = 25) int size,
            @ForAll @Size(max = 4) List<GeneratedDirectory.Fault> faults,
            @ForAll boolean json) {
        GeneratedDirectory gen = new GeneratedDirectory(seed, TRY.incrementAndGet());
        List<GeneratedDirectory.Row> base = gen.directory(size);
        HttpResponse<String> first = importFile(GeneratedDirectory.csv(base), false, false);
        assertThat(first.code()).as(first.body()).isEqualTo(200);
        assertThat(read(first.body(), ImportReport.class).created()).isEqualTo(size);
        base.forEach(r -> r.existsInDb = true);

        List<GeneratedDirectory.Row> edited = gen.edit(base, !faults.contains(GeneratedDirectory.Fault.DUPLICATE_CODE));
        Map<Integer, String> expected = gen.inject(edited, faults, json);
        String file = json ? GeneratedDirectory.json(edited) : GeneratedDirectory.csv(edited);
        HttpResponse<String> dry = importFile(file, json, true);
        HttpResponse<String> real = importFile(file, json, false);
        assertThat(dry.code()).as(dry.body()).isLessThan(500);
        assertThat(real.code()).as(real.body()).isLessThan(500);
        assertThat(real.code()).as("dry run %s, real %s", dry.body(), real.body()).isEqualTo(dry.code());

        if (expected.isEmpty()) {
            assertThat(real.code()).as(real.body()).isEqualTo(200);
            ImportReport d = read(dry.body(), ImportReport.class);
            ImportReport r = read(real.body(), ImportReport.class);
            assertThat(d.dryRun()).isTrue();
            assertThat(new ImportReport(false, d.lines(), d.created(), d.updated(), d.unchanged(),
                    d.createdCodes(), d.updatedCodes())).isEqualTo(r);
            ImportReport again = read(importFile(file, json, false).body(), ImportReport.class);
            assertThat(again.unchanged()).as("re-import of %s", file).isEqualTo(edited.size());
            return;
        }
        assertThat(real.code()).as(real.body()).isEqualTo(422);
        assertThat(read(real.body(), Problem.class).errors()).isEqualTo(read(dry.body(), Problem.class).errors());
        Map<Integer, Set<String>> reported = read(real.body(), Problem.class).errors().stream()
                .collect(Collectors.groupingBy(Problem.FieldError::line, TreeMap::new,
                        Collectors.mapping(Problem.FieldError::reason, Collectors.toCollection(TreeSet::new))));
        Map<Integer, String> expectedLines = new TreeMap<>();
        expected.forEach((row, reason) -> expectedLines.put(row + 2, reason));
        assertThat(reported.keySet()).as("faults %s in\n%s\nreported %s", expectedLines, file, reported)
                .isEqualTo(expectedLines.keySet());
        expectedLines.forEach((line, reason) -> assertThat(reported.get(line)).as("line %d", line).contains(reason));
    }

    private static HttpResponse<String> importFile(String body, boolean json, boolean dryRun) {
        return api.text(HttpRequest.POST("/api/v1/sites/import" + (dryRun ? "?dryRun=true" : ""), body)
                .contentType(json ? MediaType.APPLICATION_JSON : "text/csv"));
    }

    private static <T> T read(String body, Class<T> type) {
        try {
            return JsonMapper.createDefault().readValue(body, type);
        } catch (IOException e) {
            throw new AssertionError("unreadable: " + body, e);
        }
    }
}
