package vn.hoinghi.orchestrator.notifications;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** {@code hoinghi.notifications.smtp.*}: the mail server the e-mails go through (submission, STARTTLS). */
@ConfigurationProperties("hoinghi.notifications.smtp")
public class SmtpConfig {
    private String host;
    /** 587 is mail submission with STARTTLS (RFC 6409). */
    private int port = 587;
    /** Unset: no login (a relay that trusts our address). */
    private String username;
    private String password;
    /**
     * How TLS starts: {@code starttls} (submission on 587, upgraded by STARTTLS) or {@code implicit} (SMTPS, TLS
     * from the first byte, RFC 8314 port 465; what GreenMail and many mail catchers offer).
     */
    private String tls = "starttls";
    /** Refuse to send without STARTTLS. Only a loopback server may be used without it (a test or local relay). */
    private boolean requireStarttls = true;
    /** PEM file of the certificates (or CA) to trust for the server; unset: the JVM's trust store. */
    private String trustedCertificates;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration timeout = Duration.ofSeconds(30);

    public String getHost() { return host; }
    public void setHost(String v) { host = v; }
    public int getPort() { return port; }
    public void setPort(int v) { port = v; }
    public String getUsername() { return username; }
    public void setUsername(String v) { username = v; }
    public String getPassword() { return password; }
    public void setPassword(String v) { password = v; }
    public String getTls() { return tls; }
    public void setTls(String v) {
        if (!"starttls".equals(v) && !"implicit".equals(v)) {
            throw new IllegalArgumentException("hoinghi.notifications.smtp.tls must be starttls or implicit, not " + v);
        }
        tls = v;
    }
    public boolean isImplicitTls() { return "implicit".equals(tls); }
    public boolean isRequireStarttls() { return requireStarttls; }
    public void setRequireStarttls(boolean v) { requireStarttls = v; }
    public String getTrustedCertificates() { return trustedCertificates; }
    public void setTrustedCertificates(String v) { trustedCertificates = v; }
    public Duration getConnectTimeout() { return connectTimeout; }
    public void setConnectTimeout(Duration v) { connectTimeout = v; }
    public Duration getTimeout() { return timeout; }
    public void setTimeout(Duration v) { timeout = v; }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "SmtpConfig[host=" + host + ", port=" + port + ", username=" + username + ", tls=" + tls + ", requireStarttls="
                + requireStarttls + ", trustedCertificates=" + trustedCertificates + "]";
    }
}
