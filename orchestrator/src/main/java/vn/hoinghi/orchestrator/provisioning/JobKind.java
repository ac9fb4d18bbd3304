package vn.hoinghi.orchestrator.provisioning;

/** The timed steps of a meeting's life (DESIGN.md §1), plus the readiness test dial. */
public enum JobKind {
    /** T-15 min: BOOKED → PREPARING → READY (room allocated, HoiNghi in it). */
    PREPARE,
    /** At the start: READY → LIVE, dial-out jobs created. */
    START,
    /** One room system or audio invitee, with retries and fallbacks. */
    DIAL,
    /** At the end: hang up, leave, LIVE → ENDED. */
    END,
    /** A readiness check: dial a room system into a test room and record the result. */
    TEST_DIAL
}
