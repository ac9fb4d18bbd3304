package vn.hoinghi.media.fleet;

import static vn.hoinghi.media.yaml.YamlNode.require;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.hoinghi.media.yaml.YamlNode;

/** Reads a fleet file (see {@code examples/fleet.yaml}); every mistake is a {@link ConfigException} with its line. */
public final class FleetYaml {
    private static final Set<String> TOP = Set.of("domain", "hiddenDomain", "xmppHost", "orchestrator", "collector",
            "jwt", "sip", "secrets", "regions", "shards");
    private static final String HOST = "[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+";

    private FleetYaml() {
    }

    public static FleetSpec parse(String source, String text) {
        YamlNode root = YamlNode.parse(source, text);
        Map<String, YamlNode> top = root.mapping(TOP);
        String domain = host(require(root, top, "domain"));
        String hidden = top.containsKey("hiddenDomain") ? host(top.get("hiddenDomain")) : "recorder." + domain;
        if (top.containsKey("xmppHost") && top.containsKey("shards")) {
            throw top.get("xmppHost").error("with shards: give each shard its own xmppHost, not one at the top");
        }
        String xmppHost = top.containsKey("xmppHost") ? host(top.get("xmppHost")) : "localhost";

        YamlNode orchestratorNode = require(root, top, "orchestrator");
        Map<String, YamlNode> orchestrator = orchestratorNode.mapping(Set.of("reservationsUrl", "account",
                "visitorNodeAccount"));
        String reservationsUrl = url(require(orchestratorNode, orchestrator, "reservationsUrl"), "http");
        String account = xmppNode(require(orchestratorNode, orchestrator, "account"));
        // The orchestrator's own default (hoinghi.xmpp.visitor-nodes.<id>.username).
        String visitorNodeAccount = orchestrator.containsKey("visitorNodeAccount")
                ? xmppNode(orchestrator.get("visitorNodeAccount")) : "hoinghi";

        YamlNode collectorNode = require(root, top, "collector");
        String rtcstats = url(require(collectorNode, collectorNode.mapping(Set.of("rtcstatsEndpoint")),
                "rtcstatsEndpoint"), "ws");

        YamlNode jwtNode = require(root, top, "jwt");
        Map<String, YamlNode> jwt = jwtNode.mapping(Set.of("appId", "audiences"));
        String appId = require(jwtNode, jwt, "appId").string();
        List<String> audiences = jwt.containsKey("audiences")
                ? jwt.get("audiences").list().stream().map(YamlNode::string).toList() : List.of(appId);

        YamlNode sipNode = require(root, top, "sip");
        Map<String, YamlNode> sip = sipNode.mapping(Set.of("server", "jigasiAccount", "jibriAccount"));
        String sipServer = host(require(sipNode, sip, "server"));
        String jigasiAccount = sipAccount(require(sipNode, sip, "jigasiAccount"));
        String jibriAccount = sipAccount(require(sipNode, sip, "jibriAccount"));

        Map<String, SecretRef> secrets = secrets(root, require(root, top, "secrets"));
        List<RegionSpec> regions = regions(require(root, top, "regions"));
        YamlNode shardsNode = top.get("shards");
        List<ShardSpec> shards = shardsNode == null
                ? List.of(new ShardSpec("s1", regions.get(0).name(), xmppHost)) : shards(shardsNode);
        try {
            return new FleetSpec(domain, hidden, reservationsUrl, account, visitorNodeAccount, rtcstats, appId, audiences,
                    sipServer, jigasiAccount, jibriAccount, secrets, regions, shards);
        } catch (IllegalArgumentException e) {
            // Shards against regions: the shards list is where the fix goes when there is one.
            throw (shardsNode != null ? shardsNode : require(root, top, "regions")).error(e.getMessage());
        }
    }

    private static List<ShardSpec> shards(YamlNode node) {
        List<ShardSpec> shards = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlNode item : node.list()) {
            Map<String, YamlNode> s = item.mapping(Set.of("name", "region", "xmppHost"));
            YamlNode nameNode = require(item, s, "name");
            if (!names.add(nameNode.string())) {
                throw nameNode.error("shard '" + nameNode.string() + "' given twice");
            }
            try {
                shards.add(new ShardSpec(nameNode.string(), require(item, s, "region").string(),
                        host(require(item, s, "xmppHost"))));
            } catch (IllegalArgumentException e) {
                throw nameNode.error(e.getMessage());
            }
        }
        if (shards.isEmpty()) {
            throw node.error("at least one shard, or leave shards: out for one");
        }
        return shards;
    }

    private static Map<String, SecretRef> secrets(YamlNode root, YamlNode node) {
        List<String> known = new ArrayList<>(FleetSpec.REQUIRED_SECRETS);
        known.addAll(new java.util.TreeSet<>(FleetSpec.OPTIONAL_SECRETS.keySet()));
        Map<String, YamlNode> entries = node.mapping(Set.copyOf(known));
        Map<String, SecretRef> refs = new LinkedHashMap<>();
        for (String name : known) {
            if (!entries.containsKey(name) && FleetSpec.OPTIONAL_SECRETS.containsKey(name)) {
                refs.put(name, FleetSpec.OPTIONAL_SECRETS.get(name));
                continue;
            }
            YamlNode value = require(node, entries, name);
            try {
                refs.put(name, SecretRef.parse(value.string()));
            } catch (IllegalArgumentException e) {
                // Never echo the value: it may be the secret itself.
                throw value.error(e.getMessage());
            }
        }
        return refs;
    }

    private static List<RegionSpec> regions(YamlNode node) {
        List<RegionSpec> regions = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlNode item : node.list()) {
            Map<String, YamlNode> r = item.mapping(Set.of("name", "bridges", "visitorNodes", "jibriSip", "jigasi"));
            YamlNode nameNode = require(item, r, "name");
            String name = nameNode.string();
            if (!names.add(name.toLowerCase(java.util.Locale.ROOT))) {
                throw nameNode.error("region '" + name + "' given twice");
            }
            try {
                regions.add(new RegionSpec(name, require(item, r, "bridges").integer(1),
                        count(r, "visitorNodes"), count(r, "jibriSip"), count(r, "jigasi")));
            } catch (IllegalArgumentException e) {
                throw nameNode.error(e.getMessage());
            }
        }
        if (regions.isEmpty()) {
            throw node.error("at least one region");
        }
        return regions;
    }

    private static int count(Map<String, YamlNode> entries, String key) {
        return entries.containsKey(key) ? entries.get(key).integer(0) : 0;
    }

    private static String xmppNode(YamlNode n) {
        String v = n.string();
        if (!v.matches("[a-z][a-z0-9_]*")) {
            throw n.error("an XMPP node name: lower-case letters, digits and _");
        }
        return v;
    }

    private static String host(YamlNode n) {
        String v = n.string();
        if (!v.matches(HOST)) {
            throw n.error("expected a lower-case DNS name, got '" + v + "'");
        }
        return v;
    }

    private static String url(YamlNode n, String scheme) {
        String v = n.string();
        if (!v.matches(scheme + "s?://[^\\s\"']+")) {
            throw n.error("expected a " + scheme + "(s):// URL without spaces or quotes, got '" + v + "'");
        }
        return v;
    }

    private static String sipAccount(YamlNode n) {
        String v = n.string();
        if (!v.matches("[A-Za-z0-9._+-]+@" + HOST)) {
            throw n.error("expected user@host, got '" + v + "'");
        }
        return v;
    }

    /** For callers that read a file: the same parse with the file name as source. */
    public static FleetSpec read(java.nio.file.Path file) throws java.io.IOException {
        return parse(file.getFileName().toString(), java.nio.file.Files.readString(file));
    }

}
