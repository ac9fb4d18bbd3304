package vn.hoinghi.media.fleet;

import java.util.List;
import java.util.Map;

/**
 * The fleet file: one Jitsi deployment (one Prosody + Jicofo shard) and its regional nodes.
 *
 * @param hiddenDomain XMPP domain of Jibri's recorder and of HoiNghi's own account, hidden by the web client
 * @param xmppHost     host name Jicofo, bridges and gateways connect to
 * @param secrets      by name (jwtAppSecret, reservationsToken, focusPassword, ...), see {@link #REQUIRED_SECRETS}
 */
public record FleetSpec(String domain, String hiddenDomain, String xmppHost, String reservationsUrl,
                        String orchestratorAccount, String rtcstatsEndpoint, String jwtAppId,
                        List<String> jwtAudiences, String sipServer, String jigasiSipAccount, String jibriSipAccount,
                        Map<String, SecretRef> secrets, List<RegionSpec> regions) {

    public static final List<String> REQUIRED_SECRETS = List.of("jwtAppSecret", "reservationsToken",
            "focusPassword", "jvbPassword", "jigasiXmppPassword", "jigasiSipPassword", "jibriXmppPassword",
            "jibriRecorderPassword", "jibriSipPassword");

    public FleetSpec {
        jwtAudiences = List.copyOf(jwtAudiences);
        secrets = Map.copyOf(secrets);
        regions = List.copyOf(regions);
    }

    public SecretRef secret(String name) {
        SecretRef ref = secrets.get(name);
        if (ref == null) {
            throw new IllegalStateException("secret " + name + " missing; FleetYaml validates this");
        }
        return ref;
    }

    // The Debian jitsi-meet layout, DESIGN.md §3: components log in on auth.<domain>, breweries on internal.auth.
    public String authDomain() {
        return "auth." + domain;
    }

    public String internalMuc() {
        return "internal.auth." + domain;
    }

    public String conferenceMuc() {
        return "conference." + domain;
    }

    public String focusComponent() {
        return "focus." + domain;
    }

    public String brewery(String room) {
        return room + "@" + internalMuc();
    }

    public String orchestratorJid() {
        return orchestratorAccount + "@" + hiddenDomain;
    }

    /** Visitor node names across the fleet, in region order: v1, v2, ... as Jicofo's xmpp.visitors keys. */
    public int visitorNodeCount() {
        return regions.stream().mapToInt(RegionSpec::visitorNodes).sum();
    }
}
