package vn.hoinghi.orchestrator.booking;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The persisted lifecycle of DESIGN.md §1: DRAFT → BOOKED → PREPARING (T-15 min) → READY → LIVE → ENDED, with
 * FAILED and CANCELLED as side exits. Only the moves listed here are allowed; every move is stored as a row.
 */
public enum MeetingStatus {
    DRAFT, BOOKED, PREPARING, READY, LIVE, ENDED, FAILED, CANCELLED;

    private static final Map<MeetingStatus, Set<MeetingStatus>> NEXT = Map.of(
            DRAFT, EnumSet.of(BOOKED, CANCELLED),
            BOOKED, EnumSet.of(PREPARING, CANCELLED, FAILED),
            PREPARING, EnumSet.of(READY, FAILED, CANCELLED),
            READY, EnumSet.of(LIVE, FAILED, CANCELLED),
            LIVE, EnumSet.of(ENDED, FAILED),
            ENDED, EnumSet.noneOf(MeetingStatus.class),
            FAILED, EnumSet.noneOf(MeetingStatus.class),
            CANCELLED, EnumSet.noneOf(MeetingStatus.class));

    /** Statuses that hold the host, room systems and capacity. */
    public static final Set<MeetingStatus> HOLDING = EnumSet.of(BOOKED, PREPARING, READY, LIVE);

    public boolean canMoveTo(MeetingStatus next) {
        return NEXT.get(this).contains(next);
    }
}
