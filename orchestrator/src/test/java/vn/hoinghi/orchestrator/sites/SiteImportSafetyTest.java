package vn.hoinghi.orchestrator.sites;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hoinghi.orchestrator.audit.AuditLog;
import vn.hoinghi.orchestrator.booking.Booking;
import vn.hoinghi.orchestrator.booking.BookingRequest;
import vn.hoinghi.orchestrator.booking.Meeting;
import vn.hoinghi.orchestrator.platform.errors.Problem;
import vn.hoinghi.orchestrator.support.Api;
import vn.hoinghi.orchestrator.support.DatabaseTest;
import vn.hoinghi.orchestrator.support.Fixtures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Issue 11: an import never answers 500 nor loses data. Room systems a meeting uses survive a re-import, a left-out
 * column keeps its values, Unicode forms and line endings change nothing, and errors come complete in one pass.
 */
@MicronautTest(transactional = false)
class SiteImportSafetyTest extends DatabaseTest {
    private static final String BTP_ROOM = "sip:phonghop-lon@btp.demo.hoinghi.vn";
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    @Inject
    AuditLog audit;
    Api secretariat;
    long meetingId;

    @BeforeAll
    void load() {
        fixtures.ministryWithUsers();
        secretariat = Api.login(client.toBlocking(), "thuky", Fixtures.PASSWORD);
        String day = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(3).toString();
        BookingRequest r = new BookingRequest("Giao ban tháng", null, "BTP", day + "T08:00", day + "T10:00", null,
                null, null, List.of(new BookingRequest.Invite("BTP", "INTERACTIVE", "ROOM_SYSTEM", BTP_ROOM),
                new BookingRequest.Invite("STP-HNI", "INTERACTIVE", "BROWSER", null)), null);
        var booked = secretariat.send(HttpRequest.POST("/api/v1/meetings", r), Booking.class);
        assertThat(booked.code()).as(String.valueOf(booked.getBody(String.class))).isEqualTo(201);
        meetingId = booked.body().first().id();
    }

    private HttpResponse<String> post(String type, String body, boolean dryRun) {
        return post(type, body.getBytes(StandardCharsets.UTF_8), dryRun);
    }

    private HttpResponse<String> post(String type, byte[] body, boolean dryRun) {
        return secretariat.text(HttpRequest.POST("/api/v1/sites/import" + (dryRun ? "?dryRun=true" : ""), body)
                .contentType(type));
    }

    private Site site(String code) {
        return secretariat.send(HttpRequest.GET("/api/v1/sites/" + code), Site.class).body();
    }

    private Meeting meeting() {
        return secretariat.send(HttpRequest.GET("/api/v1/meetings/" + meetingId), Meeting.class).body();
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JsonMapper.createDefault().readValue(json, type);
        } catch (IOException e) {
            throw new AssertionError("unreadable: " + json, e);
        }
    }

    @Test
    void restatingASiteAMeetingUsesSucceedsForRealAfterItsDryRunAndKeepsTheInvitation() {
        // The issue's file: columns in another order, no room-systems column at all.
        String csv = "code,name_vi,parent_code,region,kind,downlink_kbps,uplink_kbps,network\n"
                + "BTP,Bộ Tư pháp,,North,HQ,20000,20000,GOV_WAN\n";
        List<Site.RoomSystem> roomsBefore = site("BTP").roomSystems();
        var dry = post("text/csv", csv, true);
        assertThat(dry.code()).as(dry.body()).isEqualTo(200);
        assertThat(read(dry.body(), ImportReport.class).updatedCodes()).containsExactly("BTP");
        assertThat(site("BTP").nameVi()).isEqualTo("Bộ Tư pháp (Cơ quan Bộ)");
        var real = post("text/csv", csv, false);
        assertThat(real.code()).as(real.body()).isEqualTo(200);
        Site after = site("BTP");
        assertThat(after.nameVi()).isEqualTo("Bộ Tư pháp");
        assertThat(after.network().downlinkKbps()).isEqualTo(20000);
        assertThat(after.roomSystems()).isEqualTo(roomsBefore);
        // (Another test rewrites the address in capitals: addresses compare case-insensitively.)
        assertThat(meeting().invites()).filteredOn(i -> i.site().equals("BTP"))
                .extracting(i -> i.roomSystem().toLowerCase()).containsExactly(BTP_ROOM);
    }

    @Test
    void aRoomSystemAComingMeetingUsesCannotBeRemovedAndTheErrorNamesTheMeeting() {
        String csv = "code,name_vi,kind,region,parent_code,downlink_kbps,uplink_kbps,network,room_systems\n"
                + "BTP,Bộ Tư pháp (Cơ quan Bộ),HQ,NORTH,,100000,100000,GOV_WAN,SIP|sip:phonghop-2@btp.demo.hoinghi.vn|1080|Phòng họp số 2\n";
        for (boolean dryRun : new boolean[] {true, false}) {
            var r = post("text/csv", csv, dryRun);
            assertThat(r.code()).as(r.body()).isEqualTo(422);
            assertThat(r.getContentType().map(MediaType::toString)).hasValue("application/problem+json");
            Problem p = read(r.body(), Problem.class);
            assertThat(p.errors()).extracting(Problem.FieldError::line, Problem.FieldError::field,
                    Problem.FieldError::reason).containsExactly(tuple(2, "room_systems", "room-system-in-use"));
            assertThat(p.errors().get(0).messageVi()).contains(BTP_ROOM, "#" + meetingId, "Giao ban tháng");
        }
        assertThat(site("BTP").roomSystems()).extracting(r -> r.address().toLowerCase()).contains(BTP_ROOM);
    }

    @Test
    void roomSystemsAreMatchedByAddressAndUpdatedInPlace() {
        String csv = "code,name_vi,kind,region,parent_code,downlink_kbps,uplink_kbps,network,room_systems\n"
                + "BTP,Bộ Tư pháp (Cơ quan Bộ),HQ,NORTH,,100000,100000,GOV_WAN,"
                + "SIP|sip:phonghop-moi@btp.demo.hoinghi.vn|720|Phòng mới;"
                + "SIP|SIP:PHONGHOP-LON@BTP.DEMO.HOINGHI.VN|720|Hội trường lớn\n";
        var r = post("text/csv", csv, false);
        assertThat(r.code()).as(r.body()).isEqualTo(200);
        assertThat(site("BTP").roomSystems()).extracting(Site.RoomSystem::name, Site.RoomSystem::maxResolution)
                .containsExactly(tuple("Phòng mới", 720), tuple("Hội trường lớn", 720));
        // The invitation still names its room system (same row, now renamed and with the address as written).
        assertThat(meeting().invites()).extracting(Meeting.Invitation::roomSystem)
                .contains("SIP:PHONGHOP-LON@BTP.DEMO.HOINGHI.VN");
        // The same file again changes nothing.
        var again = read(post("text/csv", csv, false).body(), ImportReport.class);
        assertThat(again.unchanged()).isEqualTo(1);
    }

    @Test
    void aColumnOrKeyLeftOutOfTheFileKeepsThatField() {
        Site before = site("STP-HPG");
        assertThat(before.roomSystems()).isNotEmpty();
        assertThat(before.contact().phone()).isNotNull();
        String csv = "code,name_vi,kind,region,parent_code,downlink_kbps,uplink_kbps,network,contact_name\n"
                + "STP-HPG," + before.nameVi() + "," + before.kind() + "," + before.region() + ","
                + before.parentCode() + ",4096,2048," + before.network().kind() + ",Nguyễn Văn Hải\n";
        assertThat(post("text/csv", csv, false).code()).isEqualTo(200);
        Site after = site("STP-HPG");
        assertThat(after.roomSystems()).isEqualTo(before.roomSystems());
        assertThat(after.contact()).isEqualTo(new Site.Contact("Nguyễn Văn Hải", before.contact().phone(),
                before.contact().email()));
        assertThat(after.network().downlinkKbps()).isEqualTo(4096);

        String json = "[{\"code\":\"STP-HPG\",\"nameVi\":\"" + before.nameVi() + "\",\"kind\":\"" + before.kind()
                + "\",\"region\":\"" + before.region() + "\",\"network\":{\"downlinkKbps\":8192,"
                + "\"uplinkKbps\":2048,\"kind\":\"" + before.network().kind() + "\"},\"contact\":{\"email\":null}}]";
        var r = post(MediaType.APPLICATION_JSON, json, false);
        assertThat(r.code()).as(r.body()).isEqualTo(200);
        Site fromJson = site("STP-HPG");
        assertThat(fromJson.parentCode()).isEqualTo(before.parentCode());
        assertThat(fromJson.roomSystems()).isEqualTo(before.roomSystems());
        assertThat(fromJson.contact()).isEqualTo(new Site.Contact("Nguyễn Văn Hải", before.contact().phone(), null));
        assertThat(fromJson.network().downlinkKbps()).isEqualTo(8192);
    }

    @Test
    void unicodeFormsBomAndLineEndingsChangeNothingAndAuditNothing() {
        String csv = secretariat.text(HttpRequest.GET("/api/v1/sites/export?format=csv")).body();
        String nfd = Normalizer.normalize(csv, Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo(csv);
        long auditRows = audit.verify().rows();
        List<String> variants = List.of(csv, nfd, "\uFEFF" + csv, csv.replace("\n", "\r\n"),
                "\uFEFF" + nfd.replace("\n", "\r\n"));
        for (String variant : variants) {
            var r = post("text/csv", variant, false);
            assertThat(r.code()).as(r.body()).isEqualTo(200);
            ImportReport report = read(r.body(), ImportReport.class);
            assertThat(report.unchanged()).isEqualTo(report.lines());
            assertThat(report.created() + report.updated()).isZero();
        }
        assertThat(audit.verify().rows()).isEqualTo(auditRows);
        assertThat(secretariat.text(HttpRequest.GET("/api/v1/sites/export?format=csv")).body()).isEqualTo(csv);
    }

    @Test
    void theApiStoresTextInNfc() {
        String nfd = Normalizer.normalize("Phòng Tư pháp Đắk Lắk", Normalizer.Form.NFD);
        String body = "{\"code\":\"NFD-TEST\",\"nameVi\":\"" + nfd + "\",\"kind\":\"DEPARTMENT\",\"region\":\"CENTRAL\","
                + "\"parentCode\":\"BTP\",\"network\":{\"downlinkKbps\":2048,\"uplinkKbps\":1024,\"kind\":\"INTERNET\"},"
                + "\"contact\":{\"name\":\"" + Normalizer.normalize("Lê Thị Hồng", Normalizer.Form.NFD) + "\"}}";
        var r = secretariat.text(HttpRequest.POST("/api/v1/sites", body).contentType(MediaType.APPLICATION_JSON));
        assertThat(r.code()).as(r.body()).isEqualTo(201);
        Site saved = site("NFD-TEST");
        assertThat(saved.nameVi()).isEqualTo("Phòng Tư pháp Đắk Lắk");
        assertThat(saved.contact().name()).isEqualTo("Lê Thị Hồng");
    }

    @Test
    void eachLineGetsAllOfItsOwnErrorsAndNoneOfAnothers() {
        String header = "code,name_vi,kind,region,parent_code,downlink_kbps,uplink_kbps,network\n";
        String csv = header
                + "DUP-A,Một,COMMUNE,SOUTH,KHONG-CO,1000,1000,INTERNET\n"     // 2: unknown parent
                + "DUP-A,Hai,COMMUNE,SOUTH,BTP,1000,1000,INTERNET\n"          // 3: duplicate only
                + "DUP-B,Ba,COMMUNE,SOUTH,BTP,1000,1000,INTERNET\n"           // 4: fine
                + "DUP-B,Bốn,COMMUNE,WEST,BTP,nhanh,1000,INTERNET\n"          // 5: duplicate + region + number
                + "DUP-C,Năm,COMMUNE,SOUTH,DUP-A,1000,1000,INTERNET\n";       // 6: fine (DUP-A is in the file)
        for (boolean dryRun : new boolean[] {true, false}) {
            var r = post("text/csv", csv, dryRun);
            assertThat(r.code()).as(r.body()).isEqualTo(422);
            assertThat(read(r.body(), Problem.class).errors()).extracting(Problem.FieldError::line,
                    Problem.FieldError::reason).containsExactlyInAnyOrder(
                    tuple(2, "unknown-parent"),
                    tuple(3, "duplicate-code"),
                    tuple(5, "duplicate-code"), tuple(5, "unknown-region"), tuple(5, "not-a-number"));
        }
    }

    @Test
    void aDryRunWritesAndAuditsNothing() {
        long auditRows = audit.verify().rows();
        String csv = "code,name_vi,kind,region,parent_code,downlink_kbps,uplink_kbps,network\n"
                + "DRY-NEW,Đơn vị thử,COMMUNE,SOUTH,BTP,1000,1000,INTERNET\n";
        var r = post("text/csv", csv, true);
        assertThat(r.code()).as(r.body()).isEqualTo(200);
        assertThat(read(r.body(), ImportReport.class).createdCodes()).containsExactly("DRY-NEW");
        assertThat(secretariat.text(HttpRequest.GET("/api/v1/sites/DRY-NEW")).code()).isEqualTo(404);
        assertThat(audit.verify().rows()).isEqualTo(auditRows);
    }
}
