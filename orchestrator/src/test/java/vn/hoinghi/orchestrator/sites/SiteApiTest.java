package vn.hoinghi.orchestrator.sites;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hoinghi.orchestrator.platform.errors.Problem;
import vn.hoinghi.orchestrator.support.Api;
import vn.hoinghi.orchestrator.support.DatabaseTest;
import vn.hoinghi.orchestrator.support.Fixtures;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class SiteApiTest extends DatabaseTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    @Inject
    JsonMapper json;
    Api secretariat;

    @BeforeAll
    void load() {
        fixtures.ministryWithUsers();
        secretariat = Api.login(client.toBlocking(), "thuky", Fixtures.PASSWORD);
    }

    private Page<SiteSummary> search(String query) {
        var r = secretariat.send(HttpRequest.GET(query), Argument.of(Page.class, SiteSummary.class));
        assertThat(r.code()).as(query + " -> " + r.getBody(String.class).orElse("")).isEqualTo(200);
        return r.body();
    }

    private Problem problem(String body) throws IOException {
        return json.readValue(body, Problem.class);
    }

    @Test
    void searchIgnoresCaseAndDiacritics() {
        assertThat(search("/api/v1/sites?q=ha%20noi&kind=PROVINCE_JUSTICE").items())
                .extracting(SiteSummary::code).containsExactly("STP-HNI");
        assertThat(search("/api/v1/sites?q=dak%20lak&kind=PROVINCE_THADS").items())
                .extracting(SiteSummary::nameVi).containsExactly("Thi hành án dân sự Đắk Lắk");
        String upper = java.net.URLEncoder.encode("ĐẮK LẮK", java.nio.charset.StandardCharsets.UTF_8);
        assertThat(search("/api/v1/sites?kind=PROVINCE_JUSTICE&q=" + upper).items()).hasSize(1);
    }

    @Test
    void filtersAndPagesTheDirectory() {
        Page<SiteSummary> page = search("/api/v1/sites?region=SOUTH&kind=REGIONAL_THADS&size=10&page=1");
        assertThat(page.items()).hasSize(10).allSatisfy(s -> assertThat(s.region()).isEqualTo(Region.SOUTH));
        assertThat(page.total()).isGreaterThan(50);
        assertThat(search("/api/v1/sites?parent=THADS-HNI").items()).isNotEmpty()
                .allSatisfy(s -> assertThat(s.code()).startsWith("THADS-HNI-KV"));
        var bad = secretariat.text(HttpRequest.GET("/api/v1/sites?size=100000"));
        assertThat(bad.code()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
    }

    @Test
    void theTreeNestsProvincesUnderTheMinistry() {
        List<SiteTreeNode> roots = secretariat.send(HttpRequest.GET("/api/v1/sites/tree"),
                Argument.listOf(SiteTreeNode.class)).body();
        assertThat(roots).extracting(SiteTreeNode::code).containsExactly("BTP");
        SiteTreeNode authority = roots.get(0).children().stream()
                .filter(n -> n.code().equals("CUC-QLTHADS")).findFirst().orElseThrow();
        assertThat(authority.children()).hasSize(34);
        List<SiteTreeNode> hanoi = secretariat.send(HttpRequest.GET("/api/v1/sites/tree?root=THADS-HNI"),
                Argument.listOf(SiteTreeNode.class)).body();
        assertThat(hanoi).hasSize(1);
        assertThat(hanoi.get(0).children()).isNotEmpty();
    }

    @Test
    void aStaleIfMatchIsRefusedWith412() throws IOException {
        var first = secretariat.send(HttpRequest.GET("/api/v1/sites/STP-QNH"), Site.class);
        String etag = first.header(HttpHeaders.ETAG);
        SiteInput edit = SiteInput.of(first.body());
        SiteInput renamed = new SiteInput(edit.code(), "Sở Tư pháp tỉnh Quảng Ninh", edit.kind(), edit.region(),
                edit.parentCode(), edit.network(), edit.contact(), edit.roomSystems());
        var ok = secretariat.send(HttpRequest.PUT("/api/v1/sites/STP-QNH", renamed).header(HttpHeaders.IF_MATCH, etag),
                Site.class);
        assertThat(ok.code()).isEqualTo(HttpStatus.OK.getCode());
        assertThat(ok.header(HttpHeaders.ETAG)).isNotEqualTo(etag);
        var stale = secretariat.text(HttpRequest.PUT("/api/v1/sites/STP-QNH", edit).header(HttpHeaders.IF_MATCH, etag));
        assertThat(stale.code()).isEqualTo(HttpStatus.PRECONDITION_FAILED.getCode());
        assertThat(problem(stale.body()).code()).isEqualTo("stale-version");
    }

    @Test
    void badInputGetsProblemJsonNamingEachFieldInBothLanguages() throws IOException {
        SiteInput bad = new SiteInput("STP-NEW", "", "PROVINCE_JUSTICE", "NORTH", "BTP",
                new SiteInput.Network(20_000, 20_000, "GOV_WAN"), null,
                List.of(new SiteInput.RoomSystemInput("r", "SIP", "phonghop@stp-new", 720)));
        var r = secretariat.text(HttpRequest.POST("/api/v1/sites", bad));
        assertThat(r.code()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY.getCode());
        assertThat(r.getHeaders().get(HttpHeaders.CONTENT_TYPE)).isEqualTo("application/problem+json");
        Problem p = problem(r.body());
        assertThat(p.status()).isEqualTo(422);
        assertThat(p.errors()).extracting(Problem.FieldError::field)
                .containsExactlyInAnyOrder("nameVi", "roomSystems[0].address");
        assertThat(p.errors()).allSatisfy(e -> {
            assertThat(e.messageVi()).isNotBlank();
            assertThat(e.messageEn()).isNotBlank();
        });
        assertThat(search("/api/v1/sites?q=STP-NEW").total()).isZero();
    }

    @Test
    void aRoomSystemAddressBelongsToOneSiteOnly() throws IOException {
        SiteInput taken = new SiteInput("STP-NEW2", "Sở mới", "PROVINCE_JUSTICE", "NORTH", "BTP",
                new SiteInput.Network(20_000, 20_000, "GOV_WAN"), null,
                List.of(new SiteInput.RoomSystemInput("r", "SIP", "SIP:PhongHop@stp-hni.demo.hoinghi.vn", 720)));
        var r = secretariat.text(HttpRequest.POST("/api/v1/sites", taken));
        assertThat(r.code()).isEqualTo(422);
        assertThat(problem(r.body()).errors()).extracting(Problem.FieldError::field, Problem.FieldError::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("roomSystems[0].address", "duplicate-address"));
    }

    @Test
    void unknownSitesAreProblemsInTheRequestedLanguage() throws IOException {
        var vi = secretariat.text(HttpRequest.GET("/api/v1/sites/KHONG-CO"));
        assertThat(vi.code()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
        assertThat(problem(vi.body()).detail()).isEqualTo("Không có đơn vị mã KHONG-CO");
        var en = secretariat.text(HttpRequest.GET("/api/v1/sites/KHONG-CO").header(HttpHeaders.ACCEPT_LANGUAGE, "en"));
        assertThat(problem(en.body()).detail()).isEqualTo("No site with code KHONG-CO");
        var noRoute = secretariat.text(HttpRequest.GET("/api/v1/khong-co"));
        assertThat(noRoute.code()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
        assertThat(problem(noRoute.body()).title()).isEqualTo("Không tìm thấy");
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() throws IOException {
        byte[] huge = new byte[6 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        var r = secretariat.text(HttpRequest.POST("/api/v1/sites/import", huge).contentType("text/csv"));
        assertThat(r.code()).isEqualTo(HttpStatus.REQUEST_ENTITY_TOO_LARGE.getCode());
        assertThat(problem(r.body()).status()).isEqualTo(413);
    }

    @Test
    void aSiteWithChildrenCannotBeDeleted() throws IOException {
        var r = secretariat.text(HttpRequest.DELETE("/api/v1/sites/THADS-HNI"));
        assertThat(r.code()).isEqualTo(HttpStatus.CONFLICT.getCode());
        assertThat(problem(r.body()).code()).isEqualTo("has-children");
        assertThat(secretariat.text(HttpRequest.DELETE("/api/v1/sites/THADS-HNI-KV01")).code())
                .isEqualTo(HttpStatus.NO_CONTENT.getCode());
        assertThat(secretariat.text(HttpRequest.GET("/api/v1/sites/THADS-HNI-KV01")).code())
                .isEqualTo(HttpStatus.NOT_FOUND.getCode());
    }
}
