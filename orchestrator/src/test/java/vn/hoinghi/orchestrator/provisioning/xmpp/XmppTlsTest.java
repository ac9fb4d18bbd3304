package vn.hoinghi.orchestrator.provisioning.xmpp;

import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hoinghi.orchestrator.provisioning.xmpp.TestClients.eventually;

/**
 * STARTTLS as production runs it: a Prosody that requires encryption, with a self-signed certificate made for the
 * test. The orchestrator logs in only over TLS, and only when it was told to trust that certificate; a server that
 * offers no TLS at all gets no login either.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XmppTlsTest {
    private Path certs;
    private ProsodyServer.Tls tls;
    private ProsodyServer prosody;

    @BeforeAll
    void start() throws Exception {
        certs = Files.createTempDirectory("xmpp-tls-test");
        // The certificate names the XMPP domain the orchestrator logs in to, as Smack's hostname check wants.
        tls = SelfSignedCertificate.create(certs, ProsodyServer.AUTH, ProsodyServer.DOMAIN);
        prosody = ProsodyServer.start(List.of("hoinghi@" + ProsodyServer.AUTH, "untrusting@" + ProsodyServer.AUTH,
                "plain@" + ProsodyServer.AUTH), tls);
    }

    @AfterAll
    void stop() throws Exception {
        prosody.close();
        for (Path p : List.of(tls.certificate(), tls.key(), certs)) {
            Files.deleteIfExists(p);
        }
    }

    private XmppConfig config(ProsodyServer server, String user) {
        XmppConfig c = TestClients.orchestratorConfig(server);
        c.setUsername(user);
        c.setRequireTls(true);
        return c;
    }

    @Test
    void trustingTheServersCertificateItLogsInOverStartTls() throws Exception {
        XmppConfig c = config(prosody, "hoinghi");
        c.setTrustedCertificates(tls.certificate().toString());
        assertThat(XmppSession.securityMode(c)).isEqualTo(SecurityMode.required);
        try (XmppSession session = new XmppSession(c)) {
            assertThat(session.awaitLogin(Duration.ofSeconds(10))).as("%s; %s", session.lastError(), prosody.log())
                    .isTrue();
            assertThat(session.connection().isSecureConnection()).isTrue();
        }
        // What Prosody logs for a login, so its absence below means something.
        assertThat(prosody.log()).contains("Authenticated as hoinghi@" + ProsodyServer.AUTH);
    }

    @Test
    void withoutTrustInItItRefusesWithAClearReasonAndNeverLogsIn() throws Exception {
        // The JVM's default trust store knows nothing of a self-signed certificate.
        XmppConfig c = config(prosody, "untrusting");
        c.setReconnectDelay(Duration.ofSeconds(30));
        try (XmppSession session = new XmppSession(c)) {
            assertThat(eventually(Duration.ofSeconds(10), () -> session.lastError() != null
                    && session.lastError().contains("not trusted"))).as("%s", session.lastError()).isTrue();
            assertThat(session.lastError()).contains("STARTTLS with 127.0.0.1:" + prosody.port() + " refused",
                    "not logging in without TLS", "hoinghi.xmpp.trusted-certificates");
            assertThat(session.isUp()).isFalse();
            assertThat(session.connection().isAuthenticated()).isFalse();
        }
        assertThat(prosody.log()).doesNotContain("Authenticated as untrusting@");
    }

    @Test
    void aServerOfferingNoTlsGetsNoLoginAtAll() throws Exception {
        // A loopback Prosody that would take a plaintext login; require-tls stays on, so the orchestrator won't.
        try (ProsodyServer plain = ProsodyServer.start(List.of("plain@" + ProsodyServer.AUTH));
             XmppSession session = new XmppSession(config(plain, "plain"))) {
            assertThat(eventually(Duration.ofSeconds(10), () -> session.lastError() != null
                    && session.lastError().contains("offers no STARTTLS"))).as("%s", session.lastError()).isTrue();
            assertThat(session.isUp()).isFalse();
            assertThat(plain.log()).doesNotContain("Authenticated as plain@");
        }
    }

    @Test
    void requireTlsOffIsHonouredOnlyForALoopbackHost() {
        XmppConfig c = new XmppConfig();
        c.setRequireTls(false);
        c.setHost("127.0.0.1");
        assertThat(XmppSession.securityMode(c)).isEqualTo(SecurityMode.disabled);
        // Anything else still gets STARTTLS required (with a warning): the setting is overridden, not obeyed.
        for (String host : List.of("192.0.2.10", "prosody.example.invalid")) {
            c.setHost(host);
            assertThat(XmppSession.securityMode(c)).as(host).isEqualTo(SecurityMode.required);
        }
        c.setRequireTls(true);
        c.setHost("127.0.0.1");
        assertThat(XmppSession.securityMode(c)).isEqualTo(SecurityMode.required);
    }

    @Test
    void aTrustFileThatCannotBeReadStopsTheSessionFromStarting() throws Exception {
        XmppConfig c = config(prosody, "hoinghi");
        c.setTrustedCertificates(certs.resolve("missing.pem").toString());
        assertThatThrownBy(() -> new XmppSession(c)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hoinghi.xmpp.trusted-certificates").hasMessageContaining("missing.pem");
        Path empty = Files.writeString(certs.resolve("empty.pem"), "no certificate here\n");
        c.setTrustedCertificates(empty.toString());
        assertThatThrownBy(() -> new XmppSession(c)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hoinghi.xmpp.trusted-certificates");
        Files.delete(empty);
    }
}
