package vn.hoinghi.orchestrator.provisioning.xmpp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VisitorNodeConfigTest {
    private static VisitorNodeConfig node(String id) {
        VisitorNodeConfig c = new VisitorNodeConfig(id);
        c.setHost("127.0.0.1");
        c.setDomain(id + ".meet.example");
        return c;
    }

    @Test
    void aNodeTakesItsAddressAndAccountAndTheRestFromTheMainConnection() {
        XmppConfig main = new XmppConfig();
        XmppConfig c = node("v1").connection(main);
        assertThat(c.getLoginDomain()).isEqualTo("auth.v1.meet.example");
        assertThat(c.getMucDomain()).isEqualTo("conference.v1.meet.example");
        assertThat(c.getNick()).isEqualTo(main.getNick());
    }

    /** The roll-call records where it heard a join by the node's id, and "main" is the main room there. */
    @Test
    void aNodeCannotBeCalledMain() {
        assertThatThrownBy(() -> node("main").connection(new XmppConfig()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("visitor-nodes.main");
    }
}
