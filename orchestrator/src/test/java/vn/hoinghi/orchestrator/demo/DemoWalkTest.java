package vn.hoinghi.orchestrator.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.hoinghi.orchestrator.booking.MeetingStatus;
import vn.hoinghi.orchestrator.notifications.NotificationRunner;
import vn.hoinghi.orchestrator.notifications.TestMailServer;
import vn.hoinghi.orchestrator.platform.crypto.PemTrust;
import vn.hoinghi.orchestrator.provisioning.FakeFleet;
import vn.hoinghi.orchestrator.provisioning.HandDriver;
import vn.hoinghi.orchestrator.records.RecordCheck;
import vn.hoinghi.orchestrator.records.RecordController;
import vn.hoinghi.orchestrator.records.RecordFile;
import vn.hoinghi.orchestrator.records.Sealer;
import vn.hoinghi.orchestrator.records.VerifyRecordCli;
import vn.hoinghi.orchestrator.reports.MeetingCsv;
import vn.hoinghi.orchestrator.reports.MeetingPdf;
import vn.hoinghi.orchestrator.reports.MeetingReport;
import vn.hoinghi.orchestrator.reports.MeetingReports;
import vn.hoinghi.orchestrator.reports.PdfCheck;
import vn.hoinghi.orchestrator.reports.ReportFont;
import vn.hoinghi.orchestrator.support.TestPostgres;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo walk end to end on the hand clock: the demo Ministry loads, the walk's meeting is booked, its
 * invitations travel over SMTPS to a real GreenMail and are read back over IMAPS; the job runner prepares, dials
 * (STP-HPG refuses video and gets audio), the script joins units, the runner ends the meeting; the sweep seals
 * it; the report, CSV and PDF say what happened; the API and the offline CLI verify the record.
 */
class DemoWalkTest {
    private static final String PASSWORD = "demo-walk-test";
    private ApplicationContext ctx;
    private GreenMail mail;

    @AfterEach
    void stop() {
        if (ctx != null) {
            ctx.close();
        }
        if (mail != null) {
            mail.stop();
        }
        System.clearProperty("greenmail.tls.keystore.file");
        System.clearProperty("greenmail.tls.keystore.password");
    }

    @Test
    void aDemoMeetingRunsItsWholeLifeAndLeavesMailAReportAndAVerifiedRecord() throws Exception {
        Path dir = Files.createTempDirectory("demo-walk");
        Path pem = mailServer(dir);
        FakeFleet.reset();
        FakeFleet.CLOCK.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Map<String, Object> p = new HashMap<>(HandDriver.properties(TestPostgres.freshDatabase(DemoWalkTest.class)));
        p.put("hoinghi.demo.enabled", true);
        p.put("hoinghi.demo.walk", true);
        p.put("hoinghi.demo.walk-tick", "1h");
        p.put("hoinghi.notifications.enabled", true);
        p.put("hoinghi.notifications.tick", "1h");
        p.put("hoinghi.notifications.smtp.host", "127.0.0.1");
        p.put("hoinghi.notifications.smtp.port", mail.getSmtps().getPort());
        p.put("hoinghi.notifications.smtp.tls", "implicit");
        p.put("hoinghi.notifications.smtp.trusted-certificates", pem.toString());
        p.put("hoinghi.records.keystore", dir.resolve("records.p12").toString());
        p.put("hoinghi.records.keystore-password", "test-password");
        p.put("hoinghi.records.create-self-signed", true);
        p.put("hoinghi.records.tick", "1h");
        ctx = ApplicationContext.run(p);
        DemoWalk walk = ctx.getBean(DemoWalk.class);
        long id = walk.meetingId();
        Instant start = walk.start();
        assertThat(Duration.between(FakeFleet.CLOCK.instant(), start)).isBetween(Duration.ofMinutes(3),
                Duration.ofMinutes(5));

        NotificationRunner sender = ctx.getBean(NotificationRunner.class);
        for (int i = 0; i < 100 && sender.runOnce() > 0; i++) {
            // the samples' invitations go too; the walk's are among them
        }
        for (String unit : List.of("stp-dng", "thads-dng", "stp-hpg")) {
            assertThat(inboxSoon("vanphong@" + unit + ".demo.hoinghi.vn", pem, sender))
                    .anyMatch(s -> s.contains(DemoWalk.TITLE));
        }

        HandDriver run = new HandDriver(ctx);
        run.at(start.minusSeconds(30));
        run.at(start);
        assertThat(run.meeting(id).status()).isEqualTo(MeetingStatus.LIVE);
        for (DemoWalk.Step s : DemoWalk.SCRIPT) {
            run.at(start.plus(s.after()));
            walk.tick();
        }
        run.at(start.plus(DemoWalk.LENGTH));
        assertThat(run.meeting(id).status()).isEqualTo(MeetingStatus.ENDED);
        // STP-HNI's video call and STP-HPG's audio fallback were up until the end hung them up.
        assertThat(run.attempts(id)).extracting(a -> a.siteCode() + " " + a.method() + " " + a.outcome())
                .containsExactlyInAnyOrder("STP-HNI VIDEO HUNG_UP", "STP-HPG VIDEO FAILED", "STP-HPG AUDIO HUNG_UP");

        FakeFleet.CLOCK.elapse(Duration.ofMinutes(3));
        // The sweep's own timer may have sealed it first; either way one record must exist now.
        ctx.getBean(Sealer.class).sealDue();
        MeetingReport r = ctx.getBean(MeetingReports.class).of(id).orElseThrow();
        assertThat(r.recordId()).isNotNull();
        assertThat(r.expected()).isEqualTo(5);
        assertThat(r.joined()).as("HNI, HCM, DNG; THADS-DNG never came").isEqualTo(3);
        assertThat(r.late()).isEqualTo(1);
        assertThat(r.dialled()).isEqualTo(2);
        assertThat(r.dialFailed()).isZero();
        assertThat(r.measured()).as("no telemetry in this test: not measured, never 'good'").isZero();
        assertThat(MeetingCsv.write(r).lines()).hasSize(6);
        assertThat(MeetingCsv.write(r)).contains("Vắng");
        byte[] pdf = MeetingPdf.render(r, ctx.getBean(ReportFont.class).font());
        assertThat(PdfCheck.textOfNonBlank(pdf, dir)).contains(MeetingPdf.TITLE, "Sở Tư pháp Đà Nẵng");

        RecordController records = ctx.getBean(RecordController.class);
        RecordCheck check = records.verify(r.recordId());
        assertThat(check.valid()).as(String.valueOf(check.problems())).isTrue();
        Path exported = Files.write(dir.resolve("bien-ban.json"),
                ctx.getBean(JsonMapper.class).writeValueAsBytes(records.export(r.recordId()).body()));
        Path signer = Files.writeString(dir.resolve("signer.pem"), records.signer().body());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = VerifyRecordCli.run(new String[]{exported.toString(), signer.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(rc).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(records.export(r.recordId()).body()).isInstanceOf(RecordFile.class);
    }

    /** GreenMail with SMTPS and IMAPS under a keytool certificate for 127.0.0.1, as bin/demo-mailbox runs it. */
    private Path mailServer(Path dir) throws Exception {
        Path keystore = dir.resolve("mail.p12");
        Path pem = dir.resolve("mail.pem");
        TestMailServer.keytool("-genkeypair", "-alias", "mail", "-keyalg", "EC", "-groupname", "secp256r1",
                "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD);
        TestMailServer.keytool("-exportcert", "-rfc", "-alias", "mail", "-keystore", keystore.toString(),
                "-storepass", PASSWORD, "-file", pem.toString());
        System.setProperty("greenmail.tls.keystore.file", keystore.toString());
        System.setProperty("greenmail.tls.keystore.password", PASSWORD);
        mail = new GreenMail(new ServerSetup[]{new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAPS)});
        mail.start();
        return pem;
    }

    /** The inbox once the walk's invitation is in it (a timer round may hold some deliveries for a moment). */
    private List<String> inboxSoon(String address, Path pem, NotificationRunner sender) throws Exception {
        List<String> subjects = List.of();
        for (int i = 0; i < 30; i++) {
            subjects = mail.getUserManager().getUserByEmail(address) == null ? List.of() : inbox(address, pem);
            if (subjects.stream().anyMatch(s -> s.contains(DemoWalk.TITLE))) {
                return subjects;
            }
            Thread.sleep(1000);
            sender.runOnce();
        }
        return subjects;
    }

    /** Subjects in {@code address}'s inbox, read over IMAPS trusting only the test certificate. */
    private List<String> inbox(String address, Path pem) throws Exception {
        Properties props = new Properties();
        props.put("mail.imaps.ssl.socketFactory", PemTrust.socketFactory("test", pem.toString()));
        props.put("mail.imaps.ssl.checkserveridentity", "true");
        Store store = Session.getInstance(props).getStore("imaps");
        // GreenMail made the mailbox on its first message, with the address as login and password.
        store.connect("127.0.0.1", mail.getImaps().getPort(), address, address);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> subjects = new ArrayList<>();
            for (Message m : inbox.getMessages()) {
                subjects.add(m.getSubject());
            }
            inbox.close(false);
            return subjects;
        } finally {
            store.close();
        }
    }
}
