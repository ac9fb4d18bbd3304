package vn.hoinghi.orchestrator.provisioning.xmpp;

import org.jitsi.xmpp.extensions.colibri.ColibriStatsExtension;
import org.jitsi.xmpp.extensions.health.HealthStatusPacketExt;
import org.jitsi.xmpp.extensions.jibri.JibriBusyStatusPacketExt;
import org.jitsi.xmpp.extensions.jibri.JibriStatusPacketExt;
import org.jivesoftware.smack.packet.Presence;
import vn.hoinghi.orchestrator.provisioning.MediaNode;

import java.time.Instant;

/**
 * Reads one brewery member's presence into a {@link MediaNode} (DESIGN.md §3 "Fleet"): colibri stats for JVB and
 * Jigasi, jibri-status for Jibri. Stats arrive as strings; a value that does not parse counts as absent, so one
 * odd member cannot break the registry.
 */
final class BreweryPresence {
    private BreweryPresence() {
    }

    static MediaNode read(String id, MediaNode.Kind kind, Presence presence, MediaNode.Status status, Instant at) {
        ColibriStatsExtension stats = presence.getExtension(ColibriStatsExtension.class);
        JibriStatusPacketExt jibri = presence.getExtension(JibriStatusPacketExt.class);
        boolean busy = false;
        if (jibri != null) {
            JibriBusyStatusPacketExt b = jibri.getBusyStatus();
            HealthStatusPacketExt h = jibri.getHealthStatus();
            // An unhealthy Jibri takes no call either: for placement it is as good as busy.
            busy = (b != null && b.getStatus() == JibriBusyStatusPacketExt.BusyStatus.BUSY)
                    || (h != null && h.getStatus() == HealthStatusPacketExt.Health.UNHEALTHY);
        }
        if (stats == null) {
            return new MediaNode(id, kind, null, status, 0, 0, 0, false, false, null, busy, at);
        }
        return new MediaNode(id, kind,
                text(stats, ColibriStatsExtension.REGION),
                status,
                number(stats, "stress_level"),
                (int) number(stats, ColibriStatsExtension.CONFERENCES),
                (int) number(stats, ColibriStatsExtension.PARTICIPANTS),
                flag(stats, ColibriStatsExtension.DRAIN),
                flag(stats, ColibriStatsExtension.SHUTDOWN_IN_PROGRESS) || flag(stats, "shutting_down"),
                text(stats, ColibriStatsExtension.VERSION),
                busy, at);
    }

    private static String text(ColibriStatsExtension stats, String name) {
        String v = stats.getValueAsString(name);
        return v == null || v.isBlank() ? null : v;
    }

    private static double number(ColibriStatsExtension stats, String name) {
        String v = text(stats, name);
        if (v == null) {
            return 0;
        }
        try {
            double d = Double.parseDouble(v);
            return Double.isFinite(d) && d >= 0 ? d : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean flag(ColibriStatsExtension stats, String name) {
        return "true".equalsIgnoreCase(text(stats, name));
    }
}
