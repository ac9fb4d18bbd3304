package vn.hoinghi.orchestrator.provisioning.xmpp;

import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stanza bound counts one stanza at a time, across stream restarts, without being fooled by quotes. */
class XmppStanzaSizeGuardTest {
    private static final String HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
            + "xmlns:stream='http://etherx.jabber.org/streams' id='abc' from='meet.test' version='1.0'>";

    private static StanzaSizeGuard guard(int max) throws Exception {
        return new StanzaSizeGuard(new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain("meet.test").build()), max);
    }

    @Test
    void manySmallStanzasPassAndTheStreamHeaderDoesNotCount() throws Exception {
        StanzaSizeGuard g = guard(200);
        String stanza = "<message to='a@b/c' x='1 > 0 and />'><body>" + "y".repeat(100) + "</body></message>";
        assertThatCode(() -> {
            g.incomingStreamSink(HEADER);
            for (int i = 0; i < 1000; i++) {
                g.incomingStreamSink(stanza.substring(0, 20));
                g.incomingStreamSink(stanza.substring(20));
                g.incomingStreamSink("<presence/>");
            }
            // A restarted stream (after STARTTLS or SASL) opens again without closing the first.
            g.incomingStreamSink(HEADER);
            g.incomingStreamSink(stanza);
        }).doesNotThrowAnyException();
    }

    @Test
    void oneStanzaOverTheLimitIsRefused() throws Exception {
        StanzaSizeGuard g = guard(200);
        g.incomingStreamSink(HEADER);
        assertThatThrownBy(() -> g.incomingStreamSink("<message><body>" + "y".repeat(300) + "</body></message>"))
                .isInstanceOf(StanzaSizeGuard.OversizedStanzaException.class)
                .hasMessageContaining("larger than 200");
        // A quote holding '>' does not end the tag early, so a huge attribute is caught too.
        g.incomingStreamSink(HEADER);
        assertThatThrownBy(() -> g.incomingStreamSink("<iq a='" + ">".repeat(300) + "'/>"))
                .isInstanceOf(StanzaSizeGuard.OversizedStanzaException.class);
    }
}
