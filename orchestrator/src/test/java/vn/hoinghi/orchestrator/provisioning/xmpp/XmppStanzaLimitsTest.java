package vn.hoinghi.orchestrator.provisioning.xmpp;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import org.jitsi.xmpp.extensions.jitsimeet.ConferenceIq;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.orchestrator.provisioning.xmpp.TestClients.eventually;

/** Hostile input on the wire: unparsable stanzas are dropped, oversized ones close the connection with a reason. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XmppStanzaLimitsTest {
    private static final int LIMIT = 16 * 1024;
    private ProsodyServer prosody;
    private XmppSession session;
    private XmppHealthIndicator health;
    private XMPPTCPConnection peer;

    @BeforeAll
    void start() throws Exception {
        prosody = ProsodyServer.start(List.of("hoinghi@" + ProsodyServer.AUTH, "unit1@" + ProsodyServer.DOMAIN));
        XmppConfig config = TestClients.orchestratorConfig(prosody);
        config.setMaxStanzaSize(LIMIT);
        config.setReconnectFixed(true);
        config.setReconnectDelay(Duration.ofSeconds(1));
        session = new XmppSession(config);
        health = new XmppHealthIndicator(session);
        health.setExecutorService(ForkJoinPool.commonPool());
        assertThat(session.awaitLogin(Duration.ofSeconds(10))).isTrue();
        peer = TestClients.login(prosody, "unit1", ProsodyServer.DOMAIN, "browser");
    }

    @AfterAll
    void stop() throws Exception {
        peer.disconnect();
        session.close();
        prosody.close();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> healthDetails(HealthStatus expected) {
        HealthResult result = Mono.from(health.getResult()).block();
        assertThat(result.getName()).isEqualTo("xmpp");
        assertThat(result.getStatus()).isEqualTo(expected);
        return (Map<String, Object>) result.getDetails();
    }

    @Test
    void aMalformedStanzaIsDroppedAndTheConnectionSurvives() throws Exception {
        IQ bad = new IQ(ConferenceIq.ELEMENT, ConferenceIq.NAMESPACE) {
            @Override
            protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
                xml.attribute("room", "@@@ not a room @@@");
                xml.setEmptyElement();
                return xml;
            }
        };
        bad.setType(IQ.Type.set);
        bad.setTo(session.connection().getUser());
        peer.sendStanza(bad);

        Thread.sleep(300);
        assertThat(session.isUp()).isTrue();
        assertThat(PingManager.getInstanceFor(session.connection()).pingMyServer()).isTrue();
        assertThat(healthDetails(HealthStatus.UP)).containsKey("server").doesNotContainKey("error");
    }

    @Test
    void anOversizedStanzaClosesTheConnectionWithAReasonAndItReconnects() throws Exception {
        String drop = session.lastDrop();
        Message huge = peer.getStanzaFactory().buildMessageStanza()
                .to(session.connection().getUser()).setBody("x".repeat(LIMIT * 4)).build();
        peer.sendStanza(huge);

        assertThat(eventually(Duration.ofSeconds(5), () -> session.lastDrop() != null
                && !session.lastDrop().equals(drop))).isTrue();
        assertThat(session.lastDrop()).contains("larger than " + LIMIT);
        assertThat(eventually(Duration.ofSeconds(10), session::isUp)).as("reconnected").isTrue();
        assertThat(healthDetails(HealthStatus.UP).get("lastDrop").toString()).contains("larger than");
        assertThat(PingManager.getInstanceFor(session.connection()).pingMyServer()).isTrue();
    }
}
