package vn.hoinghi.media.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fleet file: one Jitsi deployment on one XMPP domain, its signalling shards (each a Prosody + Jicofo) and its
 * regional nodes. Bridges and visitor nodes belong to one shard each (see {@link #bridges()} and
 * {@link #visitorNodes()}); Jibri and Jigasi join every shard's brewery, as one gateway serves whichever shard
 * dials it.
 *
 * @param hiddenDomain XMPP domain of Jibri's recorder and of HoiNghi's own account, hidden by the web client
 * @param visitorNodeAccount HoiNghi's account on every visitor node ({@code <name>@auth.<domain>}), for the roll-call
 * @param secrets      by name (jwtAppSecret, reservationsToken, focusPassword, ...), see {@link #REQUIRED_SECRETS}
 * @param shards       at least one; a single-shard fleet is the fleet file without {@code shards:}
 */
public record FleetSpec(String domain, String hiddenDomain, String reservationsUrl,
                        String orchestratorAccount, String visitorNodeAccount, String rtcstatsEndpoint, String jwtAppId,
                        List<String> jwtAudiences, String sipServer, String jigasiSipAccount, String jibriSipAccount,
                        Map<String, SecretRef> secrets, List<RegionSpec> regions, List<ShardSpec> shards) {

    public static final List<String> REQUIRED_SECRETS = List.of("jwtAppSecret", "reservationsToken",
            "focusPassword", "jvbPassword", "jigasiXmppPassword", "jigasiSipPassword", "jibriXmppPassword",
            "jibriRecorderPassword", "jibriSipPassword");

    /**
     * Secrets a fleet file may leave out, with the reference used then. The password of HoiNghi's account on the
     * visitor nodes: one for all nodes, as the focus password is.
     */
    public static final Map<String, SecretRef> OPTIONAL_SECRETS = Map.of("hoinghiVisitorNodePassword",
            new SecretRef("HOINGHI_VISITOR_NODE_PASSWORD"));

    public FleetSpec {
        jwtAudiences = List.copyOf(jwtAudiences);
        secrets = Map.copyOf(secrets);
        regions = List.copyOf(regions);
        shards = List.copyOf(shards);
        checkShards(regions, shards);
    }

    /**
     * Every shard needs a bridge in every region (Jicofo's region-based selection keeps media in the sites' region
     * only if its own shard has a bridge there) and, once the fleet has visitor nodes, a visitor node of its own.
     */
    private static void checkShards(List<RegionSpec> regions, List<ShardSpec> shards) {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("at least one shard");
        }
        for (ShardSpec s : shards) {
            if (regions.stream().noneMatch(r -> r.name().equals(s.region()))) {
                throw new IllegalArgumentException("shard " + s.name() + " is in region '" + s.region()
                        + "', which the fleet does not have");
            }
        }
        for (RegionSpec r : regions) {
            if (r.bridges() < shards.size()) {
                throw new IllegalArgumentException("region " + r.name() + " has " + r.bridges() + " bridge(s) for "
                        + shards.size() + " shards; each shard needs a bridge in every region");
            }
        }
        int vnodes = regions.stream().mapToInt(RegionSpec::visitorNodes).sum();
        if (vnodes > 0 && vnodes < shards.size()) {
            throw new IllegalArgumentException(vnodes + " visitor node(s) for " + shards.size()
                    + " shards; each shard needs at least one");
        }
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

    /** HoiNghi's account on each visitor node, on the node's copy of the main auth host (as Jicofo's focus). */
    public String visitorNodeJid() {
        return visitorNodeAccount + "@" + authDomain();
    }

    public int visitorNodeCount() {
        return regions.stream().mapToInt(RegionSpec::visitorNodes).sum();
    }

    /** Bridge n of a region goes to shard ((n - 1) mod shards), so every shard gets bridges in every region. */
    public List<BridgeNode> bridges() {
        List<BridgeNode> out = new ArrayList<>();
        for (RegionSpec r : regions) {
            for (int i = 1; i <= r.bridges(); i++) {
                out.add(new BridgeNode("jvb-" + r.id() + "-" + i, r, shards.get((i - 1) % shards.size())));
            }
        }
        return out;
    }

    /**
     * Visitor nodes numbered across the fleet in region order (v1, v2, ...), node n on shard ((n - 1) mod shards):
     * a visitor node federates with one shard's Prosody only, and numbering across regions spreads the few nodes
     * of a small fleet over all shards.
     */
    public List<VisitorNode> visitorNodes() {
        List<VisitorNode> out = new ArrayList<>();
        for (RegionSpec r : regions) {
            for (int i = 0; i < r.visitorNodes(); i++) {
                int n = out.size() + 1;
                out.add(new VisitorNode(n, r.name(), shards.get((n - 1) % shards.size()),
                        "prosody-v" + n + "." + domain));
            }
        }
        return out;
    }

    public List<VisitorNode> visitorNodes(ShardSpec shard) {
        return visitorNodes().stream().filter(v -> v.shard().equals(shard)).toList();
    }
}
