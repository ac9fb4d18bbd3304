package vn.hoinghi.orchestrator.booking;

import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.postgres.extensions.types.OffsetDateTimeRange;
import vn.hoinghi.media.admission.Reservation;
import vn.hoinghi.media.capacity.Load;
import vn.hoinghi.orchestrator.capacity.MeetingCapacity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import static org.jooq.impl.DSL.field;
import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.CAPACITY_RESERVATION;
import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.MEETING;
import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.REGION_LEDGER;

/** The per-region capacity ledger: locks, overlapping reservations, and the reservations of a meeting. */
@Singleton
public class LedgerStore {
    private final DSLContext db;

    public LedgerStore(DSLContext db) {
        this.db = db;
    }

    /**
     * Locks the ledger rows of these regions until the transaction ends, always in name order so that two
     * bookers touching the same regions queue instead of deadlocking.
     */
    public void lock(Collection<String> regions) {
        db.selectFrom(REGION_LEDGER)
                .where(REGION_LEDGER.REGION.in(regions))
                .orderBy(REGION_LEDGER.REGION)
                .forUpdate()
                .fetch();
    }

    /** Reservations of live meetings in {@code region} that overlap {@code [from, to)}, except those of one meeting. */
    public List<Reservation> overlapping(String region, Instant from, Instant to, Long exceptMeeting) {
        var window = OffsetDateTimeRange.offsetDateTimeRange(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC));
        return db.select(CAPACITY_RESERVATION.MEETING_ID, CAPACITY_RESERVATION.WINDOW_RANGE,
                        CAPACITY_RESERVATION.BRIDGE_PPS, CAPACITY_RESERVATION.VISITOR_SLOTS,
                        CAPACITY_RESERVATION.VIDEO_GATEWAYS, CAPACITY_RESERVATION.AUDIO_CALLS)
                .from(CAPACITY_RESERVATION)
                .join(MEETING).on(MEETING.ID.eq(CAPACITY_RESERVATION.MEETING_ID))
                .where(CAPACITY_RESERVATION.REGION.eq(region))
                .and(field("{0} && {1}", Boolean.class, CAPACITY_RESERVATION.WINDOW_RANGE,
                        org.jooq.impl.DSL.val(window, CAPACITY_RESERVATION.WINDOW_RANGE)))
                .and(MEETING.STATUS.in(MeetingStatus.HOLDING.stream().map(Enum::name).toList()))
                .and(exceptMeeting == null ? org.jooq.impl.DSL.noCondition()
                        : CAPACITY_RESERVATION.MEETING_ID.ne(exceptMeeting))
                .fetch(r -> new Reservation(String.valueOf(r.value1()), r.value2().lower().toInstant(),
                        r.value2().upper().toInstant(), new Load(r.value3(), r.value4(), r.value5(), r.value6())));
    }

    public void insert(long meetingId, List<MeetingCapacity.RegionDemand> demands) {
        var insert = db.insertInto(CAPACITY_RESERVATION, CAPACITY_RESERVATION.MEETING_ID, CAPACITY_RESERVATION.REGION,
                CAPACITY_RESERVATION.WINDOW_RANGE, CAPACITY_RESERVATION.BRIDGE_PPS, CAPACITY_RESERVATION.VISITOR_SLOTS,
                CAPACITY_RESERVATION.VIDEO_GATEWAYS, CAPACITY_RESERVATION.AUDIO_CALLS, CAPACITY_RESERVATION.EXPLANATION);
        for (MeetingCapacity.RegionDemand d : demands) {
            insert = insert.values(meetingId, d.region(), OffsetDateTimeRange.offsetDateTimeRange(
                            d.from().atOffset(ZoneOffset.UTC), d.to().atOffset(ZoneOffset.UTC)),
                    d.load().pps(), d.load().visitorSlots(), d.load().videoGateways(), d.load().audioCalls(),
                    d.explanation());
        }
        insert.execute();
    }

    public void deleteFor(long meetingId) {
        db.deleteFrom(CAPACITY_RESERVATION).where(CAPACITY_RESERVATION.MEETING_ID.eq(meetingId)).execute();
    }
}
