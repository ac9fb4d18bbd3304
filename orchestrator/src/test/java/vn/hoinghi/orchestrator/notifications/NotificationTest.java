package vn.hoinghi.orchestrator.notifications;

import io.micronaut.context.ApplicationContext;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hoinghi.orchestrator.access.Caller;
import vn.hoinghi.orchestrator.booking.BookingRequest;
import vn.hoinghi.orchestrator.booking.BookingService;
import vn.hoinghi.orchestrator.booking.JoinLinkIssuer;
import vn.hoinghi.orchestrator.provisioning.FakeFleet;
import vn.hoinghi.orchestrator.provisioning.HandDriver;
import vn.hoinghi.orchestrator.sites.SiteContact;
import vn.hoinghi.orchestrator.sites.SiteContacts;
import vn.hoinghi.orchestrator.support.Fixtures;
import vn.hoinghi.orchestrator.support.TestPostgres;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sender against real PostgreSQL and a real SMTP server with STARTTLS in this JVM (GreenMail behind
 * {@link StartTlsRelay}), on the hand-moved clock. Messages are read back from the server. "Restarts" close the
 * application context mid-round and build a new one on the same database, as a killed process would.
 */
class NotificationTest {
    private static final String PUBLIC_URL = "https://hoinghi.btp.example.vn";
    private static final List<String> SITES = List.of("STP-HNI", "STP-HPG", "STP-DNG", "THADS-HNI", "STP-HCM");
    private TestMailServer mail;
    private String url;
    private ApplicationContext ctx;
    private Instant start;

    @BeforeEach
    void freshWorld() throws Exception {
        FakeFleet.reset();
        // PostgreSQL keeps microseconds: a clock on whole seconds compares exactly with what is read back.
        FakeFleet.CLOCK.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        mail = new TestMailServer();
        url = TestPostgres.freshDatabase(NotificationTest.class);
        ctx = boot();
        ctx.getBean(Fixtures.class).ministryWithUsers();
        start = FakeFleet.CLOCK.instant().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
    }

    @AfterEach
    void stop() throws Exception {
        if (ctx != null && ctx.isRunning()) {
            ctx.close();
        }
        mail.close();
    }

    private ApplicationContext boot() {
        Map<String, Object> p = new HashMap<>(HandDriver.properties(url));
        p.putAll(mail.properties());
        p.put("hoinghi.public-url", PUBLIC_URL);
        return ApplicationContext.run(p);
    }

    private NotificationRunner runner() {
        return ctx.getBean(NotificationRunner.class);
    }

    private long book(String title) {
        BookingRequest r = new BookingRequest(title, "1. Khai mạc\n2. Báo cáo kết quả thi hành án dân sự", "BTP",
                start.atOffset(ZoneOffset.UTC).toString(), start.plus(Duration.ofHours(2)).atOffset(ZoneOffset.UTC)
                .toString(), null, null, null,
                SITES.stream().map(s -> new BookingRequest.Invite(s, "INTERACTIVE", "BROWSER", null)).toList(), null);
        return ctx.getBean(BookingService.class).book(Caller.SYSTEM, r).first().id();
    }

    /** The host's and each invited site's contact: the demo directory gives each one office address. */
    private static List<String> expectedRecipients() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of("BTP"), SITES.stream())
                .map(s -> "vanphong@" + s.toLowerCase() + ".demo.hoinghi.vn").toList();
    }

    private static String to(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<MimeMessage> withSubject(String prefix) {
        return mail.received().stream().filter(m -> {
            try {
                return m.getSubject().startsWith(prefix);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private List<NotificationController.DeliveryView> deliveries(long meetingId) {
        return ctx.getBean(DeliveryQueue.class).forMeeting(meetingId);
    }

    @Test
    void anInvitationReachesEveryContactOverStartTlsInVietnameseWithTheSitesJoinLinkAndTheIcs() throws Exception {
        long id = book("Hội nghị giao ban công tác thi hành án dân sự quý IV");
        assertThat(runner().runOnce()).isEqualTo(6);

        List<MimeMessage> received = mail.received();
        assertThat(received).as(() -> "deliveries: " + deliveries(id)).extracting(NotificationTest::to)
                .containsExactlyInAnyOrderElementsOf(expectedRecipients());
        assertThat(mail.relay.tlsSessions.get()).isPositive();
        assertThat(mail.relay.plainMailRefused.get()).isZero();
        MimeMessage toHanoi = received.stream().filter(m -> to(m).startsWith("vanphong@stp-hni.")).findFirst()
                .orElseThrow();
        assertThat(toHanoi.getSubject()).isEqualTo("Giấy mời họp trực tuyến: Hội nghị giao ban công tác thi hành án "
                + "dân sự quý IV (" + vietnamTime(start) + ")");
        assertThat(toHanoi.getFrom()[0].toString()).contains("hoinghi@btp.gov.vn");
        Multipart parts = (Multipart) toHanoi.getContent();
        String body = (String) parts.getBodyPart(0).getContent();
        String joinUrl = PUBLIC_URL + ctx.getBean(JoinLinkIssuer.class).pathFor(id, "STP-HNI");
        assertThat(body).contains("Kính gửi: Văn phòng Sở Tư pháp Hà Nội – Sở Tư pháp Hà Nội",
                "trân trọng kính mời đơn vị tham dự", "Đơn vị chủ trì: Bộ Tư pháp (Cơ quan Bộ)",
                "2. Báo cáo kết quả thi hành án dân sự", "(giờ Việt Nam)", joinUrl);

        VEvent event = ics(parts.getBodyPart(1));
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("hoinghi-" + id + ".ics");
        assertThat(event.getSummary().getValue()).isEqualTo("Hội nghị giao ban công tác thi hành án dân sự quý IV");
        assertThat(Instant.from(event.getDateTimeStart().getDate())).isEqualTo(start);
        assertThat(event.getUrl().getValue()).isEqualTo(joinUrl);

        assertThat(deliveries(id)).hasSize(6).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo("SENT");
            assertThat(d.kind()).isEqualTo("INVITATION");
            assertThat(d.sentAt()).isEqualTo(FakeFleet.CLOCK.instant());
        });
        assertThat(runner().runOnce()).as("nothing is sent twice").isZero();
        assertThat(mail.received()).hasSize(6);
    }

    @Test
    void changesAndCancellationsFollowAndEveryContactOfTheListIsReached() throws Exception {
        ctx.getBean(SiteContacts.class).replace(Caller.SYSTEM, "STP-HNI", List.of(
                new SiteContact("Văn phòng Sở Tư pháp Hà Nội", "Đầu mối liên hệ", "024 3827 0001",
                        "vanphong@stp-hni.demo.hoinghi.vn"),
                new SiteContact("Nguyễn Văn Kỹ", "Kỹ thuật", "0912 345 678", "kythuat@stp-hni.demo.hoinghi.vn")));
        long id = book("Họp triển khai phần mềm");
        runner().runOnce();
        assertThat(mail.received()).hasSize(7);

        ctx.getBean(BookingService.class).cancel(Caller.SYSTEM, id, null, BookingService.SeriesScope.ONE,
                "Lãnh đạo Bộ bận công tác đột xuất");
        runner().runOnce();
        List<MimeMessage> cancellations = withSubject("Huỷ cuộc họp: Họp triển khai phần mềm");
        assertThat(cancellations).hasSize(7);
        assertThat(mail.received()).hasSize(14);
        MimeMessage toTechnician = cancellations.stream().filter(m -> to(m).startsWith("kythuat@")).findFirst()
                .orElseThrow();
        Multipart parts = (Multipart) toTechnician.getContent();
        assertThat((String) parts.getBodyPart(0).getContent()).contains("Kính gửi: Nguyễn Văn Kỹ",
                "đã bị huỷ. Lý do: Lãnh đạo Bộ bận công tác đột xuất.").doesNotContain("/j/");
        VEvent cancelled = ics(parts.getBodyPart(1));
        assertThat(cancelled.getStatus().getValue()).isEqualTo("CANCELLED");
        assertThat(cancelled.getUid().orElseThrow().getValue()).isEqualTo("meeting-" + id + "@hoinghi");
        assertThat(cancelled.getSequence().getSequenceNo()).as("higher than the invitation's").isGreaterThan(1);
        assertThat(deliveries(id)).filteredOn(d -> d.recipient().startsWith("kythuat@"))
                .extracting(NotificationController.DeliveryView::contactRole).containsOnly("Kỹ thuật");
    }

    @Test
    void aKillMidBatchSendsNoDuplicateAfterTheRestart() {
        long id = book("Họp chuyên đề");
        EmailSender real = ctx.getBean(EmailSender.class);
        EmailSender dying = new EmailSender() {
            private int sent;

            @Override
            public void send(Email email) throws SendFailure {
                if (sent == 3) {
                    throw new Killed();
                }
                real.send(email);
                sent++;
            }

            @Override
            public void close() {
                real.close();
            }
        };
        assertThatThrownBy(senderWith(dying)::runOnce).isInstanceOf(Killed.class);
        assertThat(mail.received()).hasSize(3);
        ctx.close();

        ctx = boot();
        assertThat(runner().runOnce()).as("the dead sender's claims wait for its lease").isZero();
        FakeFleet.CLOCK.elapse(Duration.ofMinutes(2).plusSeconds(1));
        runner().runOnce();
        assertThat(mail.received()).extracting(NotificationTest::to)
                .containsExactlyInAnyOrderElementsOf(expectedRecipients());
        assertThat(deliveries(id)).extracting(NotificationController.DeliveryView::status).containsOnly("SENT");
    }

    @Test
    void aKillBetweenSendAndMarkRepeatsOnlyTheMessageInFlightWithItsMessageId() throws Exception {
        book("Họp chuyên đề");
        EmailSender real = ctx.getBean(EmailSender.class);
        EmailSender dying = new EmailSender() {
            private int sent;

            @Override
            public void send(Email email) throws SendFailure {
                real.send(email);
                if (++sent == 2) {
                    throw new Killed();
                }
            }

            @Override
            public void close() {
                real.close();
            }
        };
        assertThatThrownBy(senderWith(dying)::runOnce).isInstanceOf(Killed.class);
        ctx.close();
        ctx = boot();
        FakeFleet.CLOCK.elapse(Duration.ofMinutes(3));
        runner().runOnce();

        Map<String, List<MimeMessage>> byRecipient = mail.received().stream()
                .collect(Collectors.groupingBy(NotificationTest::to));
        assertThat(byRecipient).hasSize(6);
        List<List<MimeMessage>> repeated = byRecipient.values().stream().filter(l -> l.size() > 1).toList();
        assertThat(repeated).as("only the message in flight at the kill").hasSize(1);
        assertThat(repeated.get(0)).hasSize(2);
        assertThat(repeated.get(0).get(0).getMessageID()).isEqualTo(repeated.get(0).get(1).getMessageID());
    }

    @Test
    void aRefusedAddressIsRecordedAndDoesNotBlockTheOthersWhileABusyServerIsRetried() {
        mail.relay.refuse.put("vanphong@stp-hpg.demo.hoinghi.vn", "550 5.1.1 <vanphong@stp-hpg.demo.hoinghi.vn>: "
                + "Recipient address rejected: User unknown");
        mail.relay.refuse.put("vanphong@stp-dng.demo.hoinghi.vn", "451 4.7.1 Greylisted, try again later");
        long id = book("Họp chuyên đề");
        runner().runOnce();

        assertThat(mail.received()).extracting(NotificationTest::to).hasSize(4)
                .doesNotContain("vanphong@stp-hpg.demo.hoinghi.vn", "vanphong@stp-dng.demo.hoinghi.vn");
        Map<String, NotificationController.DeliveryView> byRecipient = deliveries(id).stream()
                .collect(Collectors.toMap(NotificationController.DeliveryView::recipient, Function.identity()));
        NotificationController.DeliveryView refused = byRecipient.get("vanphong@stp-hpg.demo.hoinghi.vn");
        assertThat(refused.status()).isEqualTo("FAILED");
        assertThat(refused.error()).contains("550", "User unknown");
        NotificationController.DeliveryView busy = byRecipient.get("vanphong@stp-dng.demo.hoinghi.vn");
        assertThat(busy.status()).isEqualTo("PENDING");
        assertThat(busy.error()).contains("451");
        assertThat(busy.nextAttemptAt()).isEqualTo(FakeFleet.CLOCK.instant().plusSeconds(30));

        mail.relay.refuse.remove("vanphong@stp-dng.demo.hoinghi.vn");
        FakeFleet.CLOCK.elapse(Duration.ofSeconds(29));
        runner().runOnce();
        assertThat(mail.received()).hasSize(4);
        FakeFleet.CLOCK.elapse(Duration.ofSeconds(1));
        runner().runOnce();
        assertThat(mail.received()).hasSize(5);
        assertThat(deliveries(id)).filteredOn(d -> d.status().equals("SENT")).hasSize(5);
        assertThat(deliveries(id)).filteredOn(d -> d.status().equals("FAILED")).hasSize(1);
    }

    @Test
    void remindersGoOutADayAndFifteenMinutesBeforeOnceEach() throws Exception {
        long id = book("Họp giao ban tháng");
        runner().runOnce();
        assertThat(mail.received()).hasSize(6);

        FakeFleet.CLOCK.set(start.minus(Duration.ofDays(1)).minusSeconds(1));
        runner().runOnce();
        assertThat(mail.received()).as("not yet a day before").hasSize(6);
        FakeFleet.CLOCK.set(start.minus(Duration.ofDays(1)));
        runner().runOnce();
        runner().runOnce();
        assertThat(withSubject("Nhắc lịch họp: Họp giao ban tháng")).hasSize(6);
        assertThat(mail.received()).hasSize(12);

        FakeFleet.CLOCK.set(start.minus(Duration.ofMinutes(16)));
        runner().runOnce();
        assertThat(mail.received()).hasSize(12);
        FakeFleet.CLOCK.set(start.minus(Duration.ofMinutes(15)));
        runner().runOnce();
        FakeFleet.CLOCK.elapse(Duration.ofMinutes(1));
        runner().runOnce();
        List<MimeMessage> soon = withSubject("Sắp bắt đầu sau 15 phút: Họp giao ban tháng");
        assertThat(soon).hasSize(6);
        assertThat(mail.received()).hasSize(18);
        assertThat((String) ((Multipart) soon.get(0).getContent()).getBodyPart(0).getContent())
                .contains("Phòng họp đã mở", PUBLIC_URL + "/j/");
        assertThat(deliveries(id)).extracting(NotificationController.DeliveryView::kind)
                .containsOnly("INVITATION", "REMINDER_DAY", "REMINDER_SOON").hasSize(18);
    }

    /** A sender of this context that sends through {@code email}. */
    private NotificationRunner senderWith(EmailSender email) {
        return new NotificationRunner(ctx.getBean(NotificationIntake.class), ctx.getBean(DeliveryQueue.class),
                ctx.getBean(MessageComposer.class), email, ctx.getBean(TextMessageSender.class),
                ctx.getBean(NotificationConfig.class), FakeFleet.CLOCK);
    }

    /** The process dies here: an Error no handler in the sender catches. */
    private static final class Killed extends Error {
    }

    private static VEvent ics(BodyPart part) throws Exception {
        assertThat(part.getContentType()).startsWith("text/calendar");
        try (InputStream in = part.getInputStream()) {
            Calendar calendar = new CalendarBuilder().build(in);
            return (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        }
    }

    private static String vietnamTime(Instant i) {
        return java.time.format.DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy")
                .withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).format(i);
    }
}
