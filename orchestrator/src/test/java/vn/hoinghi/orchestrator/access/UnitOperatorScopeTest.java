package vn.hoinghi.orchestrator.access;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hoinghi.orchestrator.sites.Site;
import vn.hoinghi.orchestrator.sites.SiteInput;
import vn.hoinghi.orchestrator.support.Api;
import vn.hoinghi.orchestrator.support.DatabaseTest;
import vn.hoinghi.orchestrator.support.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class UnitOperatorScopeTest extends DatabaseTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    Api hanoi;
    Api observer;

    @BeforeAll
    void load() {
        fixtures.ministryWithUsers();
        hanoi = Api.login(client.toBlocking(), "stp-hni", Fixtures.PASSWORD);
        observer = Api.login(client.toBlocking(), "quansat", Fixtures.PASSWORD);
    }

    private SiteInput renamed(String code, String newName) {
        Site s = hanoi.send(HttpRequest.GET("/api/v1/sites/" + code), Site.class).body();
        SiteInput in = SiteInput.of(s);
        return new SiteInput(in.code(), newName, in.kind(), in.region(), in.parentCode(), in.network(),
                in.contact(), in.roomSystems());
    }

    @Test
    void aUnitOperatorEditingAnotherProvinceGets403AndNothingChanges() {
        var r = hanoi.text(HttpRequest.PUT("/api/v1/sites/STP-DNG", renamed("STP-DNG", "Bị sửa trái phép")));
        assertThat(r.code()).isEqualTo(HttpStatus.FORBIDDEN.getCode());
        assertThat(r.body()).contains("\"code\":\"outside-scope\"", "STP-HNI");
        assertThat(hanoi.send(HttpRequest.GET("/api/v1/sites/STP-DNG"), Site.class).body().nameVi())
                .isEqualTo("Sở Tư pháp Đà Nẵng");
    }

    @Test
    void aUnitOperatorMayEditItsOwnSiteAndCreateBelowIt() {
        var own = hanoi.send(HttpRequest.PUT("/api/v1/sites/STP-HNI", renamed("STP-HNI", "Sở Tư pháp TP Hà Nội")),
                Site.class);
        assertThat(own.code()).isEqualTo(HttpStatus.OK.getCode());
        assertThat(own.body().version()).isEqualTo(2);
        SiteInput child = new SiteInput("STP-HNI-PX01", "Phòng Hộ tịch", "DEPARTMENT", "NORTH", "STP-HNI",
                new SiteInput.Network(8192, 4096, "GOV_WAN"), null, null);
        assertThat(hanoi.text(HttpRequest.POST("/api/v1/sites", child)).code()).isEqualTo(HttpStatus.CREATED.getCode());
        SiteInput elsewhere = new SiteInput("STP-DNG-PX01", "Phòng Hộ tịch", "DEPARTMENT", "CENTRAL", "STP-DNG",
                new SiteInput.Network(8192, 4096, "GOV_WAN"), null, null);
        assertThat(hanoi.text(HttpRequest.POST("/api/v1/sites", elsewhere)).code()).isEqualTo(HttpStatus.FORBIDDEN.getCode());
    }

    @Test
    void anObserverReadsButCannotWrite() {
        assertThat(observer.text(HttpRequest.GET("/api/v1/sites/STP-DNG")).code()).isEqualTo(HttpStatus.OK.getCode());
        assertThat(observer.text(HttpRequest.PUT("/api/v1/sites/STP-DNG", renamed("STP-DNG", "x"))).code())
                .isEqualTo(HttpStatus.FORBIDDEN.getCode());
        assertThat(observer.text(HttpRequest.POST("/api/v1/sites/import", new byte[0]).contentType("text/csv"))
                .code()).isEqualTo(HttpStatus.FORBIDDEN.getCode());
    }
}
