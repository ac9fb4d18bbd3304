package vn.hoinghi.orchestrator.sites;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hoinghi.orchestrator.audit.AuditLog;
import vn.hoinghi.orchestrator.platform.errors.Problem;
import vn.hoinghi.orchestrator.support.Api;
import vn.hoinghi.orchestrator.support.DatabaseTest;
import vn.hoinghi.orchestrator.support.Fixtures;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

@MicronautTest(transactional = false)
class SiteImportTest extends DatabaseTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    @Inject
    AuditLog audit;
    Api secretariat;

    @BeforeAll
    void load() {
        fixtures.ministryWithUsers();
        secretariat = Api.login(client.toBlocking(), "thuky", Fixtures.PASSWORD);
    }

    private io.micronaut.http.HttpResponse<String> post(String type, byte[] body, boolean dryRun) {
        return secretariat.text(HttpRequest.POST("/api/v1/sites/import" + (dryRun ? "?dryRun=true" : ""), body)
                .contentType(type));
    }

    private String exportCsv() {
        return secretariat.text(HttpRequest.GET("/api/v1/sites/export?format=csv")).body();
    }

    @Test
    void reimportingTheSameFileChangesNothing() {
        long auditRows = audit.verify().rows();
        var r = secretariat.send(HttpRequest.POST("/api/v1/sites/import", Fixtures.demoCsv()).contentType("text/csv"),
                ImportReport.class);
        assertThat(r.code()).isEqualTo(HttpStatus.OK.getCode());
        ImportReport report = r.body();
        assertThat(report.lines()).isEqualTo(454);
        assertThat(report.unchanged()).isEqualTo(454);
        assertThat(report.created() + report.updated()).isZero();
        assertThat(audit.verify().rows()).isEqualTo(auditRows);
    }

    @Test
    void exportedCsvAndJsonReimportUnchanged() {
        String csv = exportCsv();
        assertThat(csv.lines().count()).isEqualTo(455);
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo(String.join(",", SiteCsv.COLUMNS));
        var fromCsv = secretariat.send(HttpRequest.POST("/api/v1/sites/import", csv.getBytes(StandardCharsets.UTF_8))
                .contentType("text/csv"), ImportReport.class).body();
        assertThat(fromCsv.unchanged()).isEqualTo(454);
        String json = secretariat.text(HttpRequest.GET("/api/v1/sites/export?format=json")).body();
        var fromJson = secretariat.send(HttpRequest.POST("/api/v1/sites/import", json.getBytes(StandardCharsets.UTF_8))
                .contentType(MediaType.APPLICATION_JSON), ImportReport.class).body();
        assertThat(fromJson.unchanged()).isEqualTo(454);
    }

    @Test
    void aFileWithFiveBadLinesReportsAllFiveAndWritesNothing() {
        List<String> lines = new ArrayList<>(exportCsv().lines().toList());
        String before = String.join("\n", lines) + "\n";
        // Five lines broken in five ways; line numbers as an editor shows them (the header is line 1).
        int dup = breakLine(lines, "BAO-PLVN", l -> l.replaceFirst("^BAO-PLVN,", "VP,"));
        int parent = breakLine(lines, "CUC-PBGDPL", l -> l.replaceFirst(",BTP,", ",KHONG-CO,"));
        int region = breakLine(lines, "STP-HNI", l -> l.replace(",NORTH,", ",WEST,"));
        int sip = breakLine(lines, "STP-HPG", l -> l.replace("sip:phonghop@", "phonghop@"));
        int number = breakLine(lines, "THADS-CMU-KV01", l -> l.replaceFirst(",(\\d+),(\\d+),", ",nhanh,$2,"));
        byte[] body = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);

        var r = secretariat.send(HttpRequest.POST("/api/v1/sites/import", body).contentType("text/csv"),
                Argument.of(String.class));
        assertThat(r.code()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY.getCode());
        assertThat(r.getContentType().map(MediaType::toString)).hasValue("application/problem+json");
        Problem problem = readProblem(r.body());
        assertThat(problem.code()).isEqualTo("invalid-import");
        assertThat(problem.errors()).extracting(Problem.FieldError::line, Problem.FieldError::field,
                Problem.FieldError::reason).containsExactlyInAnyOrder(
                // BAO-PLVN's line now claims VP's code; the second of the two VP lines is the duplicate
                tuple(indexOf(lines, "VP") + 1, "code", "duplicate-code"),
                tuple(parent, "parent_code", "unknown-parent"),
                tuple(region, "region", "unknown-region"),
                tuple(sip, "room_systems", "bad-sip-uri"),
                tuple(number, "downlink_kbps", "not-a-number"));
        assertThat(dup).isLessThan(indexOf(lines, "VP") + 1);
        assertThat(problem.detail()).isEqualTo("Không nhập được: 5 dòng có lỗi, chưa có gì được ghi");
        assertThat(problem.errors()).allSatisfy(e -> assertThat(e.messageVi()).isNotBlank());
        assertThat(exportCsv()).isEqualTo(before);
    }

    private static int indexOf(List<String> lines, String code) {
        for (int i = lines.size() - 1; i > 0; i--) {
            if (lines.get(i).startsWith(code + ",")) {
                return i;
            }
        }
        throw new AssertionError("no line for " + code);
    }

    /** Rewrites the line of {@code code} and returns its 1-based line number. */
    private static int breakLine(List<String> lines, String code, java.util.function.UnaryOperator<String> edit) {
        int i = indexOf(lines, code);
        String changed = edit.apply(lines.get(i));
        assertThat(changed).isNotEqualTo(lines.get(i));
        lines.set(i, changed);
        return i + 1;
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWithTheLineOfTheFirstBadByte() {
        byte[] latin1 = ("code,name_vi,kind,region,parent_code,downlink_kbps,uplink_kbps,network\n"
                + "STP-X,S\u1edf T\u01b0 ph\u00e1p,PROVINCE_JUSTICE,NORTH,BTP,1000,1000,GOV_WAN\n"
                + "STP-Y,Ti\u1ebfng Vi\u1ec7t,PROVINCE_JUSTICE,NORTH,BTP,1000,1000,GOV_WAN\n")
                .getBytes(StandardCharsets.UTF_8);
        latin1[latin1.length - 40] = (byte) 0xE1; // a lone lead byte, as Windows-1258 would leave
        var r = post("text/csv", latin1, false);
        Problem problem = readProblem(r.body());
        assertThat(problem.errors()).extracting(Problem.FieldError::line, Problem.FieldError::reason)
                .containsExactly(tuple(3, "bad-encoding"));
    }

    @Test
    void aDryRunReportsWithoutWriting() {
        String csv = exportCsv().replace("Sở Tư pháp Hà Nội", "Sở Tư pháp thành phố Hà Nội");
        var dry = secretariat.send(HttpRequest.POST("/api/v1/sites/import?dryRun=true",
                csv.getBytes(StandardCharsets.UTF_8)).contentType("text/csv"), ImportReport.class).body();
        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.updatedCodes()).containsExactly("STP-HNI");
        assertThat(exportCsv()).contains("Sở Tư pháp Hà Nội,");
    }

    @Test
    void jsonImportReportsTheLineOfEachBadElement() {
        String json = "[\n {\"code\":\"NEW-J1\",\"nameVi\":\"J1\",\"kind\":\"COMMUNE\",\"region\":\"SOUTH\","
                + "\"parentCode\":\"BTP\",\"network\":{\"downlinkKbps\":2048,\"uplinkKbps\":1024,\"kind\":\"INTERNET\"}},\n"
                + " {\"code\":\"NEW-J2\",\"nameVi\":\"J2\",\"kind\":\"COMMUNE\",\"region\":\"MARS\","
                + "\"parentCode\":\"BTP\",\"network\":{\"downlinkKbps\":\"fast\",\"uplinkKbps\":1024,\"kind\":\"INTERNET\"}}\n]";
        var r = post(MediaType.APPLICATION_JSON, json.getBytes(StandardCharsets.UTF_8), false);
        assertThat(r.code()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY.getCode());
        assertThat(readProblem(r.body()).errors()).extracting(Problem.FieldError::line).containsExactly(3);
    }

    private Problem readProblem(String body) {
        try {
            return io.micronaut.json.JsonMapper.createDefault().readValue(body, Problem.class);
        } catch (java.io.IOException e) {
            throw new AssertionError("not a problem document: " + body, e);
        }
    }
}
