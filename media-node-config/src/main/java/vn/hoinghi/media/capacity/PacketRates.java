package vn.hoinghi.media.capacity;

/**
 * Packet-rate arithmetic for one endpoint. JVB measures its load in packets per second (its {@code packet-rate}
 * load measurement), so every bridge figure in this module is in pps; kbps only chooses the video layer.
 */
public final class PacketRates {
    private PacketRates() {
    }

    /**
     * What one receiver gets: one stream on stage, the rest of its last-N set as low-definition thumbnails, and the
     * audio of the active speakers. JVB's example (100 participants, last-N 20, 2 speakers) gives
     * 300 + 19 × 100 + 2 × 50 = 2,300 pps.
     *
     * @param forwarded video streams forwarded to this receiver: min(last-N, senders it can see)
     * @param stage     the on-stage layer; a receiver capped at 180p gets its stage stream at the LD rate
     */
    public static long receiverPps(CapacityModel m, int forwarded, int speakers, VideoLayer stage) {
        if (forwarded <= 0) {
            return (long) speakers * m.audioPps();
        }
        int stagePps = stage == VideoLayer.LD ? m.lowDefPps() : m.onStagePps();
        return stagePps + (long) (forwarded - 1) * m.lowDefPps() + (long) speakers * m.audioPps();
    }

    /**
     * What one interactive sender pushes into its bridge: its top simulcast layer at the on-stage rate plus the lower
     * layers, together about one more low-definition stream (HoiNghi assumption, see README).
     */
    public static long senderVideoPps(CapacityModel m) {
        return m.onStagePps() + m.lowDefPps();
    }
}
