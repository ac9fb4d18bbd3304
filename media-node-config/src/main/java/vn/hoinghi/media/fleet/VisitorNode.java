package vn.hoinghi.media.fleet;

/**
 * A visitor node: a Prosody of its own that federates one shard's rooms to visitors (jitsi-meet's visitors setup).
 * Its XMPP names are fixed by jitsi-meet: {@code mod_visitors} and {@code mod_visitors_component} address a node
 * {@code v<n>} as {@code <vnode>.meet.jitsi} and its MUC as {@code conference.<vnode>.meet.jitsi} whatever the
 * public domain is, so these are internal names reached only over s2s overrides, never through public DNS.
 *
 * @param index fleet-wide number, from 1; the id Jicofo redirects visitors with ({@code v1}, {@code v2}, ...)
 * @param host  DNS name of the node on the private network (c2s 5222 for Jicofo, s2s 5269 for its shard's Prosody)
 */
public record VisitorNode(int index, String region, ShardSpec shard, String host) {
    /** jitsi-meet hard-codes this base in mod_visitors / mod_visitors_component ({@code vnode..'.meet.jitsi'}). */
    public static final String JITSI_VNODE_BASE = "meet.jitsi";

    public String id() {
        return "v" + index;
    }

    public String xmppDomain() {
        return id() + "." + JITSI_VNODE_BASE;
    }

    /** The node's visitor MUC; the prefix is jitsi-meet's default {@code muc_mapper_domain_prefix}, "conference". */
    public String mucDomain() {
        return "conference." + xmppDomain();
    }
}
