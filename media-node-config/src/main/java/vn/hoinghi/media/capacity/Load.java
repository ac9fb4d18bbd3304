package vn.hoinghi.media.capacity;

/**
 * What a meeting reserves in one region, or what a region's fleet offers: the four resources admission counts.
 * Bridges are counted in packets per second because JVB's stress is packet rate / 50,000.
 *
 * @param pps            bridge packets per second (in + out, relays included)
 * @param visitorSlots   visitor connections on visitor nodes
 * @param videoGateways  SIP video room systems, one Jibri instance each
 * @param audioCalls     concurrent Jigasi calls
 */
public record Load(long pps, long visitorSlots, long videoGateways, long audioCalls) {
    public static final Load ZERO = new Load(0, 0, 0, 0);

    public Load {
        if (pps < 0 || visitorSlots < 0 || videoGateways < 0 || audioCalls < 0) {
            throw new IllegalArgumentException("a load is never negative: " + pps + "/" + visitorSlots + "/"
                    + videoGateways + "/" + audioCalls);
        }
    }

    public Load plus(Load o) {
        return new Load(pps + o.pps, visitorSlots + o.visitorSlots, videoGateways + o.videoGateways,
                audioCalls + o.audioCalls);
    }

    /** The amount of resource {@code r}. */
    public long get(Resource r) {
        return switch (r) {
            case PPS -> pps;
            case VISITOR_SLOTS -> visitorSlots;
            case VIDEO_GATEWAYS -> videoGateways;
            case AUDIO_CALLS -> audioCalls;
        };
    }

    /** The four resources, with the words an explanation uses for them. */
    public enum Resource {
        PPS("pps"), VISITOR_SLOTS("visitor slots"), VIDEO_GATEWAYS("video gateways (Jibri SIP)"),
        AUDIO_CALLS("audio gateway calls (Jigasi)");

        private final String unit;

        Resource(String unit) {
            this.unit = unit;
        }

        public String unit() {
            return unit;
        }
    }
}
