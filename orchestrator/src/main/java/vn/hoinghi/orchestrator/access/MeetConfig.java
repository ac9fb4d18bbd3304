package vn.hoinghi.orchestrator.access;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code hoinghi.meet.*}: the Jitsi Meet deployment units join, and the shared secrets HoiNghi holds with it.
 * Secrets come from the environment in production and are never logged.
 */
@ConfigurationProperties("hoinghi.meet")
public class MeetConfig {
    /** Where browsers go: {@code <base-url>/<room>#jwt=…}. */
    private String baseUrl = "https://meet.hoinghi.local";
    /** The XMPP domain of the deployment: the JWT {@code sub}. */
    private String domain = "meet.hoinghi.local";
    /** Prosody's {@code app_id}: the JWT {@code iss}. */
    private String appId = "hoinghi";
    /** Prosody's {@code asap_accepted_audiences}; the JWT {@code aud}. */
    private String audience = "jitsi";
    /** Prosody's {@code app_secret}, HS256, at least 32 bytes. Unset: join links cannot be used. */
    private String appSecret;
    /** Value Prosody sends in {@code reservations_api_headers} ("Authorization: Bearer …"). Unset: API closed. */
    private String reservationsSecret;

    public String getBaseUrl() { return baseUrl; }
    public void setBaseUrl(String v) { baseUrl = v; }
    public String getDomain() { return domain; }
    public void setDomain(String v) { domain = v; }
    public String getAppId() { return appId; }
    public void setAppId(String v) { appId = v; }
    public String getAudience() { return audience; }
    public void setAudience(String v) { audience = v; }
    public String getAppSecret() { return appSecret; }
    public void setAppSecret(String v) { appSecret = v; }
    public String getReservationsSecret() { return reservationsSecret; }
    public void setReservationsSecret(String v) { reservationsSecret = v; }

    @Override
    public String toString() {
        // Never print the secrets, even in a debug dump of the configuration.
        return "MeetConfig[baseUrl=" + baseUrl + ", domain=" + domain + ", appId=" + appId + "]";
    }
}
