package vn.hoinghi.orchestrator.sites;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
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

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A site's contacts as a list, and the site resource, import and export that keep showing the first of them. */
@MicronautTest(transactional = false)
class SiteContactsTest extends DatabaseTest {
    private static final Argument<List<SiteContact>> LIST = Argument.listOf(SiteContact.class);
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

    private List<SiteContact> contacts(String code) {
        return secretariat.send(HttpRequest.GET("/api/v1/sites/" + code + "/contacts"), LIST).body();
    }

    private Site site(String code) {
        return secretariat.send(HttpRequest.GET("/api/v1/sites/" + code), Site.class).body();
    }

    @Test
    void theImportedContactIsTheFirstOfTheListAndAnAddedOneIsKeptWhenTheSiteIsEdited() {
        Site before = site("STP-HPG");
        assertThat(contacts("STP-HPG")).containsExactly(new SiteContact(before.contact().name(), "Đầu mối liên hệ",
                before.contact().phone(), before.contact().email()));

        List<SiteContact> list = List.of(
                new SiteContact(" Văn phòng Sở ", "Đầu mối liên hệ", "0225 3842 001", "vanphong@stp-hpg.gov.vn"),
                new SiteContact("Trần Thị Kỹ", "Kỹ thuật", "0912 000 111", "kythuat@stp-hpg.gov.vn"));
        var put = secretariat.send(HttpRequest.PUT("/api/v1/sites/STP-HPG/contacts", list), LIST);
        assertThat(put.body().get(0).name()).as("trimmed").isEqualTo("Văn phòng Sở");
        Site after = site("STP-HPG");
        assertThat(after.contact()).isEqualTo(new Site.Contact("Văn phòng Sở", "0225 3842 001",
                "vanphong@stp-hpg.gov.vn"));
        assertThat(after.version()).isEqualTo(before.version() + 1);

        // An old client edits the site with the single contact it knows: the list's first entry follows, the rest stays.
        SiteInput edit = SiteInput.of(after.withVersion(0));
        SiteInput changed = new SiteInput(edit.code(), edit.nameVi(), edit.kind(), edit.region(), edit.parentCode(),
                edit.network(), new Site.Contact("Chánh Văn phòng", "0225 3842 002", "cvp@stp-hpg.gov.vn"),
                edit.roomSystems());
        var updated = secretariat.text(HttpRequest.PUT("/api/v1/sites/STP-HPG", changed)
                .header(HttpHeaders.IF_MATCH, "\"" + after.version() + "\""));
        assertThat(updated.code()).as(updated.body()).isEqualTo(200);
        assertThat(contacts("STP-HPG")).containsExactly(
                new SiteContact("Chánh Văn phòng", "Đầu mối liên hệ", "0225 3842 002", "cvp@stp-hpg.gov.vn"),
                new SiteContact("Trần Thị Kỹ", "Kỹ thuật", "0912 000 111", "kythuat@stp-hpg.gov.vn"));

        String csv = secretariat.text(HttpRequest.GET("/api/v1/sites/export?format=csv")).body();
        assertThat(csv).contains("Chánh Văn phòng,0225 3842 002,cvp@stp-hpg.gov.vn");
    }

    @Test
    void aBadAddressInTheListIsRefusedNamingTheEntryAndAnObserverCannotChangeIt() throws Exception {
        var bad = secretariat.text(HttpRequest.PUT("/api/v1/sites/STP-DNG/contacts", List.of(
                new SiteContact("Văn phòng", null, null, "vanphong@stp-dng.gov.vn"),
                new SiteContact("Kỹ thuật", null, "0912", "kythuat@@stp-dng"))));
        assertThat(bad.code()).isEqualTo(422);
        Problem problem = json.readValue(bad.body(), Problem.class);
        assertThat(problem.errors()).extracting(Problem.FieldError::field, Problem.FieldError::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("contacts[1].email", "bad-email"));
        assertThat(contacts("STP-DNG")).hasSize(1);

        Api observer = Api.login(client.toBlocking(), "quansat", Fixtures.PASSWORD);
        assertThat(observer.text(HttpRequest.PUT("/api/v1/sites/STP-DNG/contacts", List.of())).code())
                .isEqualTo(403);
        assertThat(observer.send(HttpRequest.GET("/api/v1/sites/STP-DNG/contacts"), LIST).body()).hasSize(1);
    }
}
