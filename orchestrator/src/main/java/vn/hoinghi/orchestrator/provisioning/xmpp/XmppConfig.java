package vn.hoinghi.orchestrator.provisioning.xmpp;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code hoinghi.xmpp.*}: how the orchestrator reaches Prosody and Jicofo (DESIGN.md §3). Defaults follow the
 * Debian jitsi-meet layout; every address derived from {@code domain} can be set on its own.
 */
@ConfigurationProperties("hoinghi.xmpp")
public class XmppConfig {
    private boolean enabled = false;
    private String host = "localhost";
    private int port = 5222;
    /** The meet domain: rooms live on {@code conference.<domain>}, the focus at {@code focus.<domain>}. */
    private String domain = "meet.hoinghi.local";
    /** Domain of the orchestrator's account: the auth domain, since docker-jitsi-meet drops brewery presence from others. */
    private String loginDomain;
    private String username = "hoinghi";
    private String password = "";
    private String resource = "orchestrator";
    /** {@code focus.<domain>} with client_proxy, or Jicofo's full JID {@code focus@auth.<domain>/focus} without. */
    private String focus;
    private String mucDomain;
    private String jvbBrewery;
    private String jigasiBrewery;
    private String jibriBrewery;
    private String jibriSipBrewery;
    /** Our occupant nick: must match {@code ^[a-zA-Z0-9][a-zA-Z0-9_]*$} (mod_muc_resource_validate). */
    private String nick = "hoinghi";
    /** STARTTLS is required unless the host is a loopback address (tests against a local Prosody). */
    private boolean requireTls = true;
    /**
     * A PEM file of the certificates (the server's own, or its CA) that Prosody's STARTTLS certificate must chain
     * to; unset means the JVM's default trust store. Needed for the self-signed certificate a Debian jitsi-meet
     * install generates: without it the connection is refused, never continued in plaintext.
     */
    private String trustedCertificates;
    /** An incoming stanza larger than this closes the connection (it is never parsed). */
    private int maxStanzaSize = 256 * 1024;
    private Duration connectTimeout = Duration.ofSeconds(10);
    /** Ordinary IQ replies; prepare and dial pass their own, longer timeouts. */
    private Duration replyTimeout = Duration.ofSeconds(15);
    /** First delay between attempts of the first connect (doubling up to 2 min). */
    private Duration reconnectDelay = Duration.ofSeconds(5);
    /**
     * After a drop: false = Smack's random increasing delay (5–15 s, growing after 7 and 13 failures, so a fleet
     * of orchestrators does not stampede Prosody); true = a fixed {@code reconnect-delay} (tests).
     */
    private boolean reconnectFixed = false;
    /** JVB stats period; a bridge silent for {@code lostAfterIntervals} of them is LOST. */
    private Duration statsInterval = Duration.ofSeconds(5);
    private int lostAfterIntervals = 3;
    /** Warn when a brewery has had no member this long after joining it. */
    private Duration emptyBreweryWarning = Duration.ofSeconds(30);
    /** How often HoiNghi asks each visitor node whether Jicofo has created its conferences' rooms there. */
    private Duration visitorRoomPoll = Duration.ofSeconds(5);
    /** Entering a visitor-node room waits behind the burst of viewers' joins the node is working through. */
    private Duration visitorRoomJoinTimeout = Duration.ofSeconds(60);

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean v) { enabled = v; }
    public String getHost() { return host; }
    public void setHost(String v) { host = v; }
    public int getPort() { return port; }
    public void setPort(int v) { port = v; }
    public String getDomain() { return domain; }
    public void setDomain(String v) { domain = v; }
    public String getLoginDomain() { return orDefault(loginDomain, "auth." + domain); }
    public void setLoginDomain(String v) { loginDomain = v; }
    public String getUsername() { return username; }
    public void setUsername(String v) { username = v; }
    public String getPassword() { return password; }
    public void setPassword(String v) { password = v; }
    public String getResource() { return resource; }
    public void setResource(String v) { resource = v; }
    public String getFocus() { return orDefault(focus, "focus." + domain); }
    public void setFocus(String v) { focus = v; }
    public String getMucDomain() { return orDefault(mucDomain, "conference." + domain); }
    public void setMucDomain(String v) { mucDomain = v; }
    public String getJvbBrewery() { return orDefault(jvbBrewery, "JvbBrewery@internal.auth." + domain); }
    public void setJvbBrewery(String v) { jvbBrewery = v; }
    public String getJigasiBrewery() { return orDefault(jigasiBrewery, "JigasiBrewery@internal.auth." + domain); }
    public void setJigasiBrewery(String v) { jigasiBrewery = v; }
    public String getJibriBrewery() { return orDefault(jibriBrewery, "JibriBrewery@internal.auth." + domain); }
    public void setJibriBrewery(String v) { jibriBrewery = v; }
    /** Empty means "not configured": Jicofo refuses SIP video then, and so do we. */
    public String getJibriSipBrewery() { return orDefault(jibriSipBrewery, "JibriSipBrewery@internal.auth." + domain); }
    public void setJibriSipBrewery(String v) { jibriSipBrewery = v; }
    public String getNick() { return nick; }
    public void setNick(String v) { nick = v; }
    public boolean isRequireTls() { return requireTls; }
    public void setRequireTls(boolean v) { requireTls = v; }
    public String getTrustedCertificates() { return trustedCertificates; }
    public void setTrustedCertificates(String v) { trustedCertificates = v; }
    public int getMaxStanzaSize() { return maxStanzaSize; }
    public void setMaxStanzaSize(int v) { maxStanzaSize = v; }
    public Duration getConnectTimeout() { return connectTimeout; }
    public void setConnectTimeout(Duration v) { connectTimeout = v; }
    public Duration getReplyTimeout() { return replyTimeout; }
    public void setReplyTimeout(Duration v) { replyTimeout = v; }
    public Duration getReconnectDelay() { return reconnectDelay; }
    public void setReconnectDelay(Duration v) { reconnectDelay = v; }
    public boolean isReconnectFixed() { return reconnectFixed; }
    public void setReconnectFixed(boolean v) { reconnectFixed = v; }
    public Duration getStatsInterval() { return statsInterval; }
    public void setStatsInterval(Duration v) { statsInterval = v; }
    public int getLostAfterIntervals() { return lostAfterIntervals; }
    public void setLostAfterIntervals(int v) { lostAfterIntervals = v; }
    public Duration getEmptyBreweryWarning() { return emptyBreweryWarning; }
    public void setEmptyBreweryWarning(Duration v) { emptyBreweryWarning = v; }
    public Duration getVisitorRoomPoll() { return visitorRoomPoll; }
    public void setVisitorRoomPoll(Duration v) { visitorRoomPoll = v; }
    public Duration getVisitorRoomJoinTimeout() { return visitorRoomJoinTimeout; }
    public void setVisitorRoomJoinTimeout(Duration v) { visitorRoomJoinTimeout = v; }

    private static String orDefault(String v, String fallback) {
        return v != null ? v : fallback;
    }

    @Override
    public String toString() {
        // Never the password: this may end up in a log line.
        return "xmpp " + username + "@" + getLoginDomain() + " via " + host + ":" + port;
    }
}
