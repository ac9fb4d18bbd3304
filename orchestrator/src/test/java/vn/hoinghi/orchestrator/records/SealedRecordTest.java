package vn.hoinghi.orchestrator.records;

import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.hoinghi.orchestrator.provisioning.FakeFleet;
import vn.hoinghi.orchestrator.reports.EndedMeetings;
import vn.hoinghi.orchestrator.reports.MeetingFacts;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Meetings that ran their lifecycle are sealed, and every way of tampering the issue names is caught: a changed
 * row (API verify), a changed exported file (offline CLI), a broken chain; openssl itself accepts the signature.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SealedRecordTest {
    private EndedMeetings world;
    private Sealer sealer;
    private RecordVerifier verifier;
    private RecordReader reader;
    private Path dir;

    @BeforeAll
    void threeMeetingsRanAndWereSealed() throws Exception {
        world = new EndedMeetings(SealedRecordTest.class);
        sealer = world.ctx.getBean(Sealer.class);
        verifier = world.ctx.getBean(RecordVerifier.class);
        reader = world.ctx.getBean(RecordReader.class);
        dir = Files.createTempDirectory("record-files");
        for (int i = 0; i < 3; i++) {
            world.runOne();
            assertThat(sealer.sealDue()).as("not before the seal delay").isZero();
            FakeFleet.CLOCK.elapse(Duration.ofMinutes(3));
            assertThat(sealer.sealDue()).isEqualTo(1);
            assertThat(sealer.sealDue()).as("sealed once").isZero();
        }
    }

    @AfterAll
    void stop() {
        world.close();
    }

    private StoredRecord recordOf(int meeting) {
        return reader.ofMeeting(world.meetings.get(meeting)).get(0);
    }

    @Test
    void aSealedRecordHoldsAttendanceEveryDialAttemptAndQualityAndVerifies() throws Exception {
        StoredRecord r = recordOf(0);
        RecordContent c = world.ctx.getBean(JsonMapper.class).readValue(r.content(), RecordContent.class);
        assertThat(c.previousHash()).isEqualTo(StoredRecord.GENESIS);
        assertThat(recordOf(1).previousHash()).isEqualTo(r.sha256());
        MeetingFacts f = c.facts();
        assertThat(f.telemetry()).isEqualTo("COLLECTED");
        assertThat(f.sites()).extracting(MeetingFacts.SiteFacts::site, MeetingFacts.SiteFacts::attendance)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("STP-HNI", "PRESENT"),
                        org.assertj.core.groups.Tuple.tuple("STP-HPG", "MISSING"),
                        org.assertj.core.groups.Tuple.tuple("STP-DNG", "LEFT"),
                        org.assertj.core.groups.Tuple.tuple("STP-HCM", "MISSING"));
        MeetingFacts.SiteFacts dng = site(f, "STP-DNG");
        assertThat(dng.presentSeconds()).isEqualTo(40 * 60);
        assertThat(dng.lateMinutes()).isEqualTo(10);
        assertThat(dng.quality().bad()).isEqualTo(12);
        assertThat(dng.quality().worstMinutes()).hasSize(3).allSatisfy(m -> assertThat(m.mos()).isEqualTo(2.9));
        MeetingFacts.SiteFacts hpg = site(f, "STP-HPG");
        assertThat(hpg.dials()).as("every attempt: video refused, then audio").extracting(MeetingFacts.Dial::method)
                .contains("VIDEO", "AUDIO");
        assertThat(site(f, "STP-HCM").quality()).as("no telemetry is not good quality").isNull();
        assertThat(world.collector.keysSeen).contains(EndedMeetings.COLLECTOR_KEY);
        RecordCheck check = verifier.verify(r.id()).orElseThrow();
        assertThat(check.problems()).isEmpty();
        assertThat(check.valid()).isTrue();
    }

    @Test
    void recordsCannotBeUpdatedOrDeletedThroughTheDatabase() {
        long id = recordOf(0).id();
        assertThatThrownBy(() -> sql("UPDATE hoinghi.meeting_record SET content = content || ' ' WHERE id = " + id))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql("DELETE FROM hoinghi.meeting_record WHERE id = " + id))
                .hasMessageContaining("append-only");
    }

    @Test
    void theExportedFileVerifiesOfflineAndAChangedFileIsDetected() throws Exception {
        Path cert = Files.writeString(dir.resolve("signer.pem"), Cms.pem(world.ctx.getBean(SigningKey.class).certificate()));
        Path first = export(recordOf(0), "first.json");
        Path second = export(recordOf(1), "second.json");
        assertThat(cli(second.toString(), cert.toString(), first.toString())).startsWith("0").contains("VALID");
        String changed = Files.readString(second).replace("\\\"PRESENT\\\"", "\\\"LATE\\\"");
        assertThat(changed).isNotEqualTo(Files.readString(second));
        Path forged = Files.writeString(dir.resolve("forged.json"), changed);
        assertThat(cli(forged.toString(), cert.toString())).startsWith("1").contains("INVALID hash", "INVALID signature");
        assertThat(cli(second.toString(), cert.toString(), second.toString())).startsWith("1")
                .contains("INVALID chain");
    }

    @Test
    void openSslAcceptsTheDetachedSignature() throws Exception {
        StoredRecord r = recordOf(2);
        Path content = Files.write(dir.resolve("content.json"), r.content().getBytes(StandardCharsets.UTF_8));
        Path sig = Files.write(dir.resolve("record.p7s"), r.signature());
        Path cert = Files.writeString(dir.resolve("ca.pem"), r.certificate());
        Process p = new ProcessBuilder("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", sig.toString(),
                "-content", content.toString(), "-CAfile", cert.toString(), "-purpose", "any", "-out", "/dev/null")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).contains("Verification successful");
        Files.write(content, r.content().replace("STP-HNI", "STP-HN1").getBytes(StandardCharsets.UTF_8));
        Process bad = new ProcessBuilder("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                sig.toString(), "-content", content.toString(), "-CAfile", cert.toString(), "-purpose", "any",
                "-out", "/dev/null").redirectErrorStream(true).start();
        bad.getInputStream().readAllBytes();
        assertThat(bad.waitFor()).as("openssl refuses a changed content").isNotZero();
    }

    @Test
    void aChangedRowIsDetected() throws Exception {
        StoredRecord r = recordOf(1);
        String original = r.content();
        try {
            sqlBypassingTrigger("UPDATE hoinghi.meeting_record SET content = replace(content, '\"LEFT\"', '\"PRESENT\"')"
                    + " WHERE id = " + r.id());
            RecordCheck check = verifier.verify(r.id()).orElseThrow();
            assertThat(check.valid()).isFalse();
            assertThat(check.problems()).anyMatch(p -> p.startsWith("hash:")).anyMatch(p -> p.startsWith("signature:"));
            assertThat(verifier.verify(recordOf(2).id()).orElseThrow().problems())
                    .anyMatch(p -> p.contains("was changed after"));
        } finally {
            sqlBypassingTrigger("UPDATE hoinghi.meeting_record SET content = '" + original.replace("'", "''")
                    + "' WHERE id = " + r.id());
        }
        assertThat(verifier.verify(r.id()).orElseThrow().valid()).isTrue();
    }

    @Test
    void aBrokenChainIsDetected() throws Exception {
        StoredRecord first = recordOf(0);
        StoredRecord third = recordOf(2);
        // Someone re-hashes an edited first record (they cannot re-sign it): its own hash matches, the chain breaks.
        String edited = first.content().replace("\"STP-HCM\"", "\"STP-HCX\"");
        String hash = vn.hoinghi.orchestrator.platform.crypto.Sha256.hex(edited);
        try {
            sqlBypassingTrigger("UPDATE hoinghi.meeting_record SET content = '" + edited.replace("'", "''")
                    + "', sha256 = '" + hash + "' WHERE id = " + first.id());
            assertThat(verifier.verify(recordOf(1).id()).orElseThrow().problems())
                    .anyMatch(p -> p.startsWith("chain: previous hash does not match record " + first.id()));
            assertThat(verifier.verify(first.id()).orElseThrow().problems())
                    .anyMatch(p -> p.startsWith("signature:"));
        } finally {
            sqlBypassingTrigger("UPDATE hoinghi.meeting_record SET content = '" + first.content().replace("'", "''")
                    + "', sha256 = '" + first.sha256() + "' WHERE id = " + first.id());
        }
        // A record removed from the middle: the one after it no longer links to its new predecessor.
        StoredRecord middle = recordOf(1);
        assertThat(verifier.verify(third.id()).orElseThrow().valid()).isTrue();
        sqlBypassingTrigger("DELETE FROM hoinghi.meeting_record WHERE id = " + middle.id());
        try {
            assertThat(verifier.verify(third.id()).orElseThrow().problems())
                    .anyMatch(p -> p.startsWith("chain: previous hash does not match record " + first.id()));
        } finally {
            sqlBypassingTrigger("INSERT INTO hoinghi.meeting_record (id, meeting_id, supersedes_id, sealed_at, content,"
                    + " sha256, previous_hash, signature, certificate) OVERRIDING SYSTEM VALUE VALUES (" + middle.id()
                    + ", " + middle.meetingId() + ", NULL, '" + middle.sealedAt() + "', '"
                    + middle.content().replace("'", "''") + "', '" + middle.sha256() + "', '" + middle.previousHash()
                    + "', decode('" + java.util.HexFormat.of().formatHex(middle.signature()) + "', 'hex'), '"
                    + middle.certificate() + "')");
        }
    }

    @Test
    void aCorrectionIsANewSignedRecordThatSupersedesTheOriginal() {
        long meeting = world.meetings.get(2);
        StoredRecord original = recordOf(2);
        StoredRecord correction = sealer.seal(meeting, original.id(), "STP-HCM dự bằng điện thoại", "user:thuky")
                .orElseThrow();
        assertThat(correction.supersedesId()).isEqualTo(original.id());
        assertThat(correction.content()).contains("\"correction\":\"STP-HCM dự bằng điện thoại\"");
        assertThat(verifier.verify(correction.id()).orElseThrow().valid()).isTrue();
        RecordCheck old = verifier.verify(original.id()).orElseThrow();
        assertThat(old.valid()).isTrue();
        assertThat(old.supersededBy()).isEqualTo(correction.id());
        assertThat(reader.find(original.id()).content()).isEqualTo(original.content());
    }

    private Path export(StoredRecord r, String name) throws Exception {
        return Files.write(dir.resolve(name), world.ctx.getBean(JsonMapper.class).writeValueAsBytes(RecordFile.of(r)));
    }

    private static String cli(String... args) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc = VerifyRecordCli.run(args, new PrintStream(buf, true, StandardCharsets.UTF_8));
        return rc + "\n" + buf.toString(StandardCharsets.UTF_8);
    }

    private static MeetingFacts.SiteFacts site(MeetingFacts f, String code) {
        return f.sites().stream().filter(s -> s.site().equals(code)).findFirst().orElseThrow();
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /** As a superuser who switches triggers off for the session: what the hash, signature and chain are for. */
    private void sqlBypassingTrigger(String statement) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            s.execute(statement);
        }
    }

    private Connection connect() throws SQLException {
        String url = world.ctx.getProperty("datasources.default.url", String.class).orElseThrow();
        return DriverManager.getConnection(url, "postgres", "postgres");
    }

}
