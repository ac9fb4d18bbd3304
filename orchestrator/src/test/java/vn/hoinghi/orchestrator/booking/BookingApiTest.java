package vn.hoinghi.orchestrator.booking;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hoinghi.orchestrator.platform.errors.Problem;
import vn.hoinghi.orchestrator.platform.time.ClockFactory;
import vn.hoinghi.orchestrator.sites.Page;
import vn.hoinghi.orchestrator.support.Api;
import vn.hoinghi.orchestrator.support.DatabaseTest;
import vn.hoinghi.orchestrator.support.Fixtures;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static vn.hoinghi.orchestrator.booking.Bookings.at;
import static vn.hoinghi.orchestrator.booking.Bookings.browser;
import static vn.hoinghi.orchestrator.booking.Bookings.room;
import static vn.hoinghi.orchestrator.booking.Bookings.simple;

@MicronautTest(transactional = false)
class BookingApiTest extends DatabaseTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Fixtures fixtures;
    @Inject
    JsonMapper json;
    @Inject
    MeetingStore store;
    @Inject
    vn.hoinghi.orchestrator.support.Probe probe;
    Api secretariat;

    @BeforeAll
    void load() {
        fixtures.ministryWithUsers();
        secretariat = Api.login(client.toBlocking(), "thuky", Fixtures.PASSWORD);
    }

    private Booking book(BookingRequest r) {
        var resp = secretariat.text(HttpRequest.POST("/api/v1/meetings", r));
        assertThat(resp.code()).as(resp.body()).isEqualTo(201);
        return read(resp.body(), Booking.class);
    }

    private Problem refused(BookingRequest r, int status) {
        long before = total();
        var resp = secretariat.text(HttpRequest.POST("/api/v1/meetings", r));
        assertThat(resp.code()).as(resp.body()).isEqualTo(status);
        assertThat(resp.getHeaders().get(HttpHeaders.CONTENT_TYPE)).isEqualTo("application/problem+json");
        assertThat(total()).as("nothing written").isEqualTo(before);
        return read(resp.body(), Problem.class);
    }

    private long total() {
        return secretariat.send(HttpRequest.GET("/api/v1/meetings?size=1"),
                Argument.of(Page.class, MeetingSummary.class)).body().total();
    }

    private <T> T read(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new AssertionError(body, e);
        }
    }

    @Test
    void aNationwideMeetingIsBookedWithRulesAndHoldsCapacityPerRegion() {
        BookingRequest r = new BookingRequest("Giao ban THADS miền Trung", null, "BTP", at(3, 8), at(3, 10), null,
                null, null, List.of(room("BTP")), List.of(new BookingRequest.InviteRule("CENTRAL",
                List.of("PROVINCE_THADS", "REGIONAL_THADS"), null, "VIEWER", "BROWSER")));
        Booking b = book(r);
        Meeting m = b.first();
        assertThat(m.status()).isEqualTo(MeetingStatus.BOOKED);
        assertThat(m.start().atZoneSameInstant(ClockFactory.VIETNAM).getHour()).isEqualTo(8);
        assertThat(m.invites()).hasSizeGreaterThan(100)
                .filteredOn(i -> !i.site().equals("BTP")).allSatisfy(i -> assertThat(i.region()).isEqualTo("CENTRAL"));
        assertThat(m.invites()).filteredOn(i -> i.site().equals("BTP")).singleElement()
                .satisfies(i -> assertThat(i.roomSystem()).startsWith("sip:"));
        assertThat(m.capacity()).extracting(Meeting.CapacityHold::region).containsExactlyInAnyOrder("CENTRAL", "NORTH");
        assertThat(m.capacity()).allSatisfy(h -> {
            assertThat(h.from()).isEqualTo(m.start().minusMinutes(15));
            assertThat(h.to()).isEqualTo(m.end().plusMinutes(15));
            assertThat(h.explanation()).contains("pps");
        });
        assertThat(probe.read(() -> store.transitions(m.id()))).containsExactly("DRAFT->BOOKED");
        assertThat(probe.read(() -> store.outboxCount(m.id()))).isEqualTo(1);
    }

    @Test
    void aRoomSystemIsNeverInTwoOverlappingMeetings() {
        book(simple("Họp A", "STP-HNI", 4, 8, 10, List.of(room("THADS-HNI"))));
        Problem p = refused(simple("Họp B", "STP-HPG", 4, 9, 11, List.of(room("THADS-HNI"))), 409);
        assertThat(p.code()).isEqualTo("booking-clash");
        assertThat(p.errors()).extracting(Problem.FieldError::reason).containsExactly("room-system-busy");
        assertThat(p.errors().get(0).messageVi()).contains("THADS-HNI".toLowerCase()).contains("đã bận");
        // Back to back is fine: the ranges are half-open.
        book(simple("Họp C", "STP-HPG", 4, 10, 11, List.of(room("THADS-HNI"))));
    }

    @Test
    void aHostCannotChairTwoMeetingsAtOnce() {
        book(simple("Họp 1", "STP-CTO", 5, 8, 10, List.of(browser("THADS-CTO"))));
        Problem p = refused(simple("Họp 2", "STP-CTO", 5, 9, 10, List.of(browser("THADS-AGG"))), 409);
        assertThat(p.errors()).extracting(Problem.FieldError::field, Problem.FieldError::reason)
                .containsExactly(tuple("hostSite", "host-busy"));
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsWritten() {
        BookingRequest bad = new BookingRequest("", null, "KHONG-CO", at(6, 10), at(6, 9), "Asia/Hanoi_Typo",
                null, null, List.of(browser("THADS-XYZ")), null);
        Problem p = refused(bad, 422);
        assertThat(p.errors()).extracting(Problem.FieldError::field, Problem.FieldError::reason)
                .contains(tuple("title", "bad-title"), tuple("hostSite", "unknown-site"),
                        tuple("timeZone", "unknown-time-zone"), tuple("end", "end-before-start"),
                        tuple("invites[0].site", "unknown-site"));
        assertThat(p.errors()).allSatisfy(e -> assertThat(e.messageEn()).isNotBlank());

        Problem past = refused(simple("Quá khứ", "BTP", -2, 8, 9, List.of(browser("STP-HNI"))), 422);
        assertThat(past.errors()).extracting(Problem.FieldError::reason).containsExactly("in-the-past");

        BookingRequest unbounded = new BookingRequest("Hàng tuần", null, "BTP", at(7, 8), at(7, 9), null,
                "FREQ=WEEKLY;BYDAY=MO", null, List.of(browser("STP-HNI")), null);
        assertThat(refused(unbounded, 422).errors()).extracting(Problem.FieldError::field, Problem.FieldError::reason)
                .containsExactly(tuple("rrule", "unbounded-rrule"));

        List<BookingRequest.Invite> tenThousand = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            tenThousand.add(browser("SITE-" + i));
        }
        assertThat(refused(simple("Quá đông", "BTP", 8, 8, 9, tenThousand), 422).errors())
                .extracting(Problem.FieldError::reason).containsExactly("too-many-invites");

        Problem tooLong = refused(simple("Quá dài", "BTP", 8, 0, 23, List.of(browser("STP-HNI"))), 422);
        assertThat(tooLong.errors()).extracting(Problem.FieldError::reason).containsExactly("too-long");
    }

    @Test
    void aWeeklySeriesKeepsLocalTimeAndSkipsExceptions() {
        String first = at(9, 14);
        String skipped = java.time.LocalDate.parse(first.substring(0, 10)).plusWeeks(1).toString();
        BookingRequest r = new BookingRequest("Giao ban tuần", null, "STP-DNG", first, at(9, 15), null,
                "FREQ=WEEKLY;COUNT=4", List.of(skipped), List.of(browser("THADS-DNG")), null);
        Booking b = book(r);
        assertThat(b.seriesId()).as(b.toString()).isNotNull();
        assertThat(b.occurrences()).hasSize(3).allSatisfy(o ->
                assertThat(o.start().atZoneSameInstant(ClockFactory.VIETNAM).getHour()).isEqualTo(14));
        assertThat(b.occurrences()).extracting(o -> o.start().atZoneSameInstant(ClockFactory.VIETNAM).toLocalDate()
                .toString()).doesNotContain(skipped);
        // Cancel "this and following" from the second occurrence: the first stays.
        long second = b.occurrences().get(1).id();
        var cancelled = secretariat.text(HttpRequest.POST("/api/v1/meetings/" + second + "/cancel?scope=FOLLOWING", ""));
        assertThat(cancelled.code()).as(cancelled.body()).isEqualTo(200);
        assertThat(read(cancelled.body(), Long[].class)).hasSize(2);
        assertThat(secretariat.send(HttpRequest.GET("/api/v1/meetings/" + b.occurrences().get(0).id()), Meeting.class)
                .body().status()).isEqualTo(MeetingStatus.BOOKED);
    }

    @Test
    void editingThisAndFollowingShiftsEveryLaterOccurrence() {
        Booking b = book(new BookingRequest("Giao ban sáng thứ hai", null, "STP-HUE", at(15, 7), at(15, 8), null,
                "FREQ=WEEKLY;COUNT=3", null, List.of(browser("THADS-HUE")), null));
        var second = b.occurrences().get(1);
        String newStart = second.start().atZoneSameInstant(ClockFactory.VIETNAM).toLocalDate() + "T09:30";
        String newEnd = second.start().atZoneSameInstant(ClockFactory.VIETNAM).toLocalDate() + "T11:00";
        var r = secretariat.text(HttpRequest.PUT("/api/v1/meetings/" + second.id() + "?scope=FOLLOWING",
                new BookingRequest("Giao ban (dời giờ)", null, "STP-HUE", newStart, newEnd, null, null, null,
                        List.of(browser("THADS-HUE")), null)));
        assertThat(r.code()).as(r.body()).isEqualTo(200);
        List<Meeting> after = b.occurrences().stream().map(o -> secretariat.send(HttpRequest.GET("/api/v1/meetings/"
                + o.id()), Meeting.class).body()).toList();
        assertThat(after).extracting(m -> m.start().atZoneSameInstant(ClockFactory.VIETNAM).toLocalTime().toString())
                .containsExactly("07:00", "09:30", "09:30");
        assertThat(after).extracting(Meeting::title)
                .containsExactly("Giao ban sáng thứ hai", "Giao ban (dời giờ)", "Giao ban (dời giờ)");
        assertThat(after.get(2).capacity().get(0).to()).isEqualTo(after.get(2).end().plusMinutes(15));
    }

    @Test
    void anIdempotencyKeyMakesARetryReturnTheFirstBooking() {
        BookingRequest r = simple("Họp một lần", "STP-LSN", 10, 8, 9, List.of(browser("THADS-LSN")));
        var first = secretariat.text(HttpRequest.POST("/api/v1/meetings", r).header("Idempotency-Key", "k-123"));
        var again = secretariat.text(HttpRequest.POST("/api/v1/meetings", r).header("Idempotency-Key", "k-123"));
        assertThat(first.code()).isEqualTo(201);
        assertThat(again.code()).isEqualTo(201);
        assertThat(read(again.body(), Booking.class).first().id()).isEqualTo(read(first.body(), Booking.class).first().id());
        BookingRequest other = simple("Họp khác", "STP-LSN", 11, 8, 9, List.of(browser("THADS-LSN")));
        var reused = secretariat.text(HttpRequest.POST("/api/v1/meetings", other).header("Idempotency-Key", "k-123"));
        assertThat(reused.code()).isEqualTo(422);
        assertThat(read(reused.body(), Problem.class).code()).isEqualTo("idempotency-key-reused");
    }

    @Test
    void editsNeedTheCurrentEtagAndCancellingFreesTheRoom() {
        Booking b = book(simple("Họp sửa", "STP-QNH", 12, 8, 9, List.of(room("THADS-QNH"))));
        long id = b.first().id();
        var read = secretariat.send(HttpRequest.GET("/api/v1/meetings/" + id), Meeting.class);
        String etag = read.header(HttpHeaders.ETAG);
        var ok = secretariat.text(HttpRequest.PUT("/api/v1/meetings/" + id,
                simple("Họp đã sửa", "STP-QNH", 12, 9, 10, List.of(room("THADS-QNH")))).header(HttpHeaders.IF_MATCH, etag));
        assertThat(ok.code()).as(ok.body()).isEqualTo(200);
        var stale = secretariat.text(HttpRequest.PUT("/api/v1/meetings/" + id,
                simple("Họp cũ", "STP-QNH", 12, 8, 9, List.of(room("THADS-QNH")))).header(HttpHeaders.IF_MATCH, etag));
        assertThat(stale.code()).isEqualTo(412);
        assertThat(secretariat.text(HttpRequest.POST("/api/v1/meetings/" + id + "/cancel", "")).code()).isEqualTo(200);
        book(simple("Họp thay thế", "STP-HPG", 12, 9, 10, List.of(room("THADS-QNH"))));
    }

    @Test
    void theCalendarFileParsesBackWithIcal4j() throws Exception {
        Booking b = book(simple("Hội nghị tổng kết", "BTP", 13, 8, 11, List.of(browser("STP-HNI"))));
        var ics = secretariat.text(HttpRequest.GET("/api/v1/meetings/" + b.first().id() + "/calendar.ics"));
        assertThat(ics.code()).isEqualTo(200);
        var calendar = new CalendarBuilder().build(new StringReader(ics.body()));
        VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
        assertThat(event.getSummary().getValue()).isEqualTo("Hội nghị tổng kết");
        assertThat(event.getUid().orElseThrow().getValue()).isEqualTo("meeting-" + b.first().id() + "@hoinghi");
    }

    @Test
    void listsFilterBySiteRegionStatusAndDates() {
        book(simple("Họp lọc", "STP-CMU", 14, 8, 9, List.of(browser("THADS-CMU"))));
        Page<MeetingSummary> page = secretariat.send(HttpRequest.GET("/api/v1/meetings?site=THADS-CMU&region=SOUTH&status=BOOKED&from="
                + java.time.LocalDate.now(ClockFactory.VIETNAM).plusDays(14)), Argument.of(Page.class, MeetingSummary.class))
                .body();
        assertThat(page.items()).extracting(MeetingSummary::title).contains("Họp lọc");
        assertThat(secretariat.text(HttpRequest.GET("/api/v1/meetings?from=hôm-qua")).code()).isEqualTo(400);
    }
}
