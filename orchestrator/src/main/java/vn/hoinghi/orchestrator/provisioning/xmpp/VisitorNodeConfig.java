package vn.hoinghi.orchestrator.provisioning.xmpp;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import vn.hoinghi.orchestrator.provisioning.RoomEvents;

/**
 * {@code hoinghi.xmpp.visitor-nodes.<id>.*}: a Jitsi visitor node HoiNghi sits in (DESIGN §4), as Jicofo's own
 * {@code jicofo.xmpp.visitors.<id>} has it: the node's own Prosody and domain, and an account there that the node
 * lists in {@code hoinghi_roll_call_jids} (mod_hoinghi_roll_call) and as admin. TLS, trust, timeouts and the nick
 * are the main connection's ({@code hoinghi.xmpp.*}).
 */
@EachProperty("hoinghi.xmpp.visitor-nodes")
public class VisitorNodeConfig {
    private final String id;
    private String host;
    private int port = 5222;
    /** The node's meet domain, e.g. {@code v1.meet.example}; rooms on {@code conference.<domain>}. */
    private String domain;
    private String loginDomain;
    private String mucDomain;
    private String username = "hoinghi";
    private String password = "";

    public VisitorNodeConfig(@Parameter String id) {
        this.id = id;
    }

    public String getId() { return id; }
    public String getHost() { return host; }
    public void setHost(String v) { host = v; }
    public int getPort() { return port; }
    public void setPort(int v) { port = v; }
    public String getDomain() { return domain; }
    public void setDomain(String v) { domain = v; }
    public String getLoginDomain() { return loginDomain != null ? loginDomain : "auth." + domain; }
    public void setLoginDomain(String v) { loginDomain = v; }
    public String getMucDomain() { return mucDomain != null ? mucDomain : "conference." + domain; }
    public void setMucDomain(String v) { mucDomain = v; }
    public String getUsername() { return username; }
    public void setUsername(String v) { username = v; }
    public String getPassword() { return password; }
    public void setPassword(String v) { password = v; }

    /** The connection settings for this node: its address and account, the rest from the main connection. */
    XmppConfig connection(XmppConfig main) {
        if (host == null || domain == null) {
            throw new IllegalArgumentException("hoinghi.xmpp.visitor-nodes." + id + ": host and domain are required");
        }
        if (RoomEvents.MAIN_ROOM.equals(id)) {
            // The roll-call records where it heard a join as the node's id, and "main" means the main room.
            throw new IllegalArgumentException("hoinghi.xmpp.visitor-nodes.main: \"main\" names the main room in"
                    + " the roll-call; give the node another id (it is HoiNghi's own label)");
        }
        XmppConfig c = new XmppConfig();
        c.setEnabled(true);
        c.setHost(host);
        c.setPort(port);
        c.setDomain(domain);
        c.setLoginDomain(getLoginDomain());
        c.setMucDomain(getMucDomain());
        c.setUsername(username);
        c.setPassword(password);
        c.setResource(main.getResource());
        c.setNick(main.getNick());
        c.setRequireTls(main.isRequireTls());
        c.setTrustedCertificates(main.getTrustedCertificates());
        c.setMaxStanzaSize(main.getMaxStanzaSize());
        c.setConnectTimeout(main.getConnectTimeout());
        c.setReplyTimeout(main.getReplyTimeout());
        c.setReconnectDelay(main.getReconnectDelay());
        c.setReconnectFixed(main.isReconnectFixed());
        return c;
    }
}
