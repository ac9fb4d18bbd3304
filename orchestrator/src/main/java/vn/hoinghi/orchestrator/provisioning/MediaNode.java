package vn.hoinghi.orchestrator.provisioning;

import java.time.Instant;

/**
 * One member of a brewery as HoiNghi last saw it: a JVB bridge, a Jigasi or a Jibri (DESIGN.md §3 "Fleet").
 *
 * @param id        the member's MUC nick (unique per brewery)
 * @param kind      which brewery it is in
 * @param region    from its stats, or null when it reports none
 * @param status    HoiNghi's lifecycle; LOST when silent for 3 stats intervals (JVB) or gone from the MUC
 */
public record MediaNode(String id, Kind kind, String region, Status status, double stress, int conferences,
                        int participants, boolean draining, boolean gracefulShutdown, String version,
                        boolean busy, Instant lastSeen) {
    public enum Kind { JVB, JIGASI, JIBRI, JIBRI_SIP }

    /**
     * ENABLED takes new meetings; CORDONED keeps its meetings and takes no new ones; DRAINING is a cordon that
     * becomes DISABLED by itself once the node carries nothing (so an operator knows when it may be stopped);
     * DISABLED takes nothing; LOST is observed (silence or a MUC leave), never set.
     */
    public enum Status { ENABLED, CORDONED, DRAINING, DISABLED, LOST }
}
