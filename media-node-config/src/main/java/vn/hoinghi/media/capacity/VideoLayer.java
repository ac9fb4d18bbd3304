package vn.hoinghi.media.capacity;

/** The VP8 simulcast layers Jitsi sends; a site's network decides the highest one it can receive on stage. */
public enum VideoLayer {
    LD(180), SD(360), HD(720);

    private final int height;

    VideoLayer(int height) {
        this.height = height;
    }

    public int height() {
        return height;
    }

    public int kbps(CapacityModel m) {
        return switch (this) {
            case LD -> m.lowDefKbps();
            case SD -> m.standardDefKbps();
            case HD -> m.highDefKbps();
        };
    }

    /**
     * The highest on-stage layer a receiver can take when it also gets {@code thumbnails} low-definition streams and
     * {@code audioStreams} audio streams within {@code downlinkKbps}. A link too small even for 180p still gets LD:
     * Jitsi degrades further on its own, and sizing must not assume zero load for it.
     */
    public static VideoLayer forDownlink(CapacityModel m, int downlinkKbps, int thumbnails, int audioStreams) {
        int fixed = thumbnails * m.lowDefKbps() + audioStreams * m.audioKbps();
        for (VideoLayer layer : new VideoLayer[] {HD, SD}) {
            if (fixed + layer.kbps(m) <= downlinkKbps) {
                return layer;
            }
        }
        return LD;
    }

    public static VideoLayer parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "180", "180p", "ld" -> LD;
            case "360", "360p", "sd" -> SD;
            case "720", "720p", "hd" -> HD;
            default -> throw new IllegalArgumentException("unknown video layer '" + text + "' (use 180p, 360p or 720p)");
        };
    }
}
