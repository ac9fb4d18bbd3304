package vn.hoinghi.media.fleet;

/**
 * One signalling shard: its own Prosody and Jicofo, all on the fleet's one XMPP domain (as jitsi-meet's own
 * multi-shard deployments are), so a room lives on exactly one shard and the web tier picks the shard.
 *
 * @param region   where the shard's Prosody and Jicofo run; Jicofo's {@code local-region}
 * @param xmppHost host name bridges, gateways and visitor nodes reach this shard's Prosody on (c2s 5222, s2s 5269)
 */
public record ShardSpec(String name, String region, String xmppHost) {
    public ShardSpec {
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException(
                    "shard names are lower-case letters, digits and '-', got '" + name + "'");
        }
    }
}
