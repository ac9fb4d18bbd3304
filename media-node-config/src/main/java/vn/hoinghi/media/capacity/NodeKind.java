package vn.hoinghi.media.capacity;

/** The node kinds HoiNghi sizes and renders configuration for. */
public enum NodeKind {
    /** Jitsi Videobridge: forwards media, loaded by packet rate. */
    BRIDGE("bridges"),
    /** A visitor Prosody (+ its bridge share) serving receive-only participants of large meetings. */
    VISITOR_NODE("visitor nodes"),
    /** Jibri in SIP-gateway mode: one video room system each. */
    JIBRI_SIP("Jibri SIP gateways"),
    /** Jigasi: SIP audio, several calls each. */
    JIGASI("Jigasi"),
    /** One Prosody + one Jicofo: the signalling for a region's main rooms. */
    SHARD("shards (Prosody+Jicofo)");

    private final String label;

    NodeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
