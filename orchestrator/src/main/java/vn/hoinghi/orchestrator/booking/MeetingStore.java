package vn.hoinghi.orchestrator.booking;

import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.postgres.extensions.types.OffsetDateTimeRange;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.CAPACITY_RESERVATION;
import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.MEETING;
import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.MEETING_INVITE;
import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.MEETING_SERIES;
import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.MEETING_TRANSITION;
import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.OUTBOX;
import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.ROOM_HOLD;
import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.ROOM_SYSTEM;

/** Meetings, their invitations, room-system holds, lifecycle rows and outbox messages. */
@Singleton
public class MeetingStore {
    /** SQLSTATE of an exclusion-constraint violation. */
    public static final String EXCLUSION_VIOLATION = "23P01";
    private final DSLContext db;
    private final Clock clock;

    public MeetingStore(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Filters for listing; null means "any". */
    public record Filter(Instant from, Instant to, String site, String region, MeetingStatus status, int page,
                         int size) {
    }

    public long insertSeries(String rrule, String exdates, String actor) {
        return db.insertInto(MEETING_SERIES)
                .set(MEETING_SERIES.RRULE, rrule)
                .set(MEETING_SERIES.EXDATES, exdates)
                .set(MEETING_SERIES.CREATED_BY, actor)
                .set(MEETING_SERIES.CREATED_AT, now())
                .returning(MEETING_SERIES.ID).fetchOne().getId();
    }

    public long insert(BookingPlan plan, BookingPlan.Occurrence o, Long seriesId, String actor) {
        return guarded(() -> insertUnguarded(plan, o, seriesId, actor));
    }

    /** Turns a lost race on an exclusion constraint into a {@link BookingClash} naming what was taken. */
    private static <T> T guarded(java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (org.jooq.exception.DataAccessException e) {
            if (EXCLUSION_VIOLATION.equals(e.sqlState())) {
                throw new BookingClash(e.getMessage().contains("room_hold") ? "room-system" : "host");
            }
            throw e;
        }
    }

    private long insertUnguarded(BookingPlan plan, BookingPlan.Occurrence o, Long seriesId, String actor) {
        long id = db.insertInto(MEETING)
                .set(MEETING.TITLE, plan.title())
                .set(MEETING.AGENDA, plan.agenda())
                .set(MEETING.HOST_SITE, plan.host().code())
                .set(MEETING.STARTS_AT, utc(o.start()))
                .set(MEETING.ENDS_AT, utc(o.end()))
                .set(MEETING.STATUS, MeetingStatus.BOOKED.name())
                .set(MEETING.SERIES_ID, seriesId)
                .set(MEETING.CREATED_BY, actor)
                .set(MEETING.CREATED_AT, now())
                .set(MEETING.UPDATED_AT, now())
                .returning(MEETING.ID).fetchOne().getId();
        insertInvites(id, plan.invites(), o);
        return id;
    }

    /** Invitations and, for room systems, a hold over the meeting's time that the exclusion constraint guards. */
    public void insertInvites(long meetingId, List<BookingPlan.ResolvedInvite> invites, BookingPlan.Occurrence o) {
        var rows = db.insertInto(MEETING_INVITE, MEETING_INVITE.MEETING_ID, MEETING_INVITE.SITE_CODE,
                MEETING_INVITE.PARTICIPATION, MEETING_INVITE.WAY_IN, MEETING_INVITE.ROOM_SYSTEM_ID, MEETING_INVITE.REGION);
        for (BookingPlan.ResolvedInvite i : invites) {
            rows = rows.values(DSL.val(meetingId), DSL.val(i.site().code()), DSL.val(i.participation().name()),
                    DSL.val(i.wayIn().name()), roomId(i), DSL.val(i.servingRegion()));
        }
        rows.execute();
        var holds = invites.stream().filter(i -> i.room() != null).toList();
        if (!holds.isEmpty()) {
            var h = db.insertInto(ROOM_HOLD, ROOM_HOLD.MEETING_ID, ROOM_HOLD.ROOM_SYSTEM_ID, ROOM_HOLD.DURING);
            for (BookingPlan.ResolvedInvite i : holds) {
                h = h.values(DSL.val(meetingId), roomId(i), DSL.val(OffsetDateTimeRange.offsetDateTimeRange(
                        utc(o.start()), utc(o.end())), ROOM_HOLD.DURING));
            }
            h.execute();
        }
    }

    private static org.jooq.Field<Long> roomId(BookingPlan.ResolvedInvite i) {
        if (i.room() == null) {
            return DSL.val(null, Long.class);
        }
        return DSL.field(select(ROOM_SYSTEM.ID).from(ROOM_SYSTEM).where(ROOM_SYSTEM.ADDRESS.eq(i.room().address())));
    }

    /** Rewrites one occurrence in place: details, time, invitations and room holds; bumps its version. */
    public void replace(long id, BookingPlan plan, BookingPlan.Occurrence o) {
        guarded(() -> {
            replaceUnguarded(id, plan, o);
            return id;
        });
    }

    private void replaceUnguarded(long id, BookingPlan plan, BookingPlan.Occurrence o) {
        db.update(MEETING)
                .set(MEETING.TITLE, plan.title())
                .set(MEETING.AGENDA, plan.agenda())
                .set(MEETING.HOST_SITE, plan.host().code())
                .set(MEETING.STARTS_AT, utc(o.start()))
                .set(MEETING.ENDS_AT, utc(o.end()))
                .set(MEETING.VERSION, MEETING.VERSION.plus(1))
                .set(MEETING.UPDATED_AT, now())
                .where(MEETING.ID.eq(id)).execute();
        db.deleteFrom(ROOM_HOLD).where(ROOM_HOLD.MEETING_ID.eq(id)).execute();
        db.deleteFrom(MEETING_INVITE).where(MEETING_INVITE.MEETING_ID.eq(id)).execute();
        insertInvites(id, plan.invites(), o);
    }

    /** Live meetings already holding one of these room systems or this host at an overlapping time. */
    public List<String> clashes(BookingPlan plan, BookingPlan.Occurrence o, Long exceptMeeting) {
        var window = DSL.val(OffsetDateTimeRange.offsetDateTimeRange(utc(o.start()), utc(o.end())), MEETING.DURING);
        Condition live = MEETING.STATUS.in(MeetingStatus.HOLDING.stream().map(Enum::name).toList())
                .and(exceptMeeting == null ? DSL.noCondition() : MEETING.ID.ne(exceptMeeting));
        List<String> addresses = plan.invites().stream().filter(i -> i.room() != null)
                .map(i -> i.room().address()).toList();
        List<String> out = new java.util.ArrayList<>();
        if (!addresses.isEmpty()) {
            db.select(ROOM_SYSTEM.ADDRESS, MEETING.ID)
                    .from(ROOM_HOLD)
                    .join(ROOM_SYSTEM).on(ROOM_SYSTEM.ID.eq(ROOM_HOLD.ROOM_SYSTEM_ID))
                    .join(MEETING).on(MEETING.ID.eq(ROOM_HOLD.MEETING_ID))
                    .where(ROOM_SYSTEM.ADDRESS.in(addresses)).and(ROOM_HOLD.ACTIVE)
                    .and(DSL.condition("{0} && {1}", ROOM_HOLD.DURING, window)).and(live)
                    .forEach(r -> out.add("room:" + r.value1() + "#" + r.value2()));
        }
        db.select(MEETING.ID).from(MEETING)
                .where(MEETING.HOST_KEY.eq(plan.host().code().toUpperCase(java.util.Locale.ROOT)))
                .and(DSL.condition("{0} && {1}", MEETING.DURING, window)).and(live)
                .forEach(r -> out.add("host:" + plan.host().code() + "#" + r.value1()));
        return out;
    }

    public Optional<Meeting> find(long id) {
        return fetch(MEETING.ID.eq(id)).stream().findFirst();
    }

    public Optional<Meeting> lock(long id) {
        db.selectOne().from(MEETING).where(MEETING.ID.eq(id)).forUpdate().fetch();
        return find(id);
    }

    public List<Long> seriesMembers(long seriesId, Instant fromStart) {
        return db.select(MEETING.ID).from(MEETING)
                .where(MEETING.SERIES_ID.eq(seriesId))
                .and(fromStart == null ? DSL.noCondition() : MEETING.STARTS_AT.ge(utc(fromStart)))
                .orderBy(MEETING.STARTS_AT).fetch(r -> r.value1());
    }

    public long count(Filter f) {
        return db.fetchCount(MEETING, where(f));
    }

    public List<MeetingSummary> list(Filter f) {
        return summaries(where(f), f.page(), f.size());
    }

    public List<MeetingSummary> summaries(List<Long> ids) {
        return summaries(MEETING.ID.in(ids), 0, ids.size());
    }

    private List<MeetingSummary> summaries(Condition where, int page, int size) {
        var invites = DSL.field(select(DSL.count()).from(MEETING_INVITE).where(MEETING_INVITE.MEETING_ID.eq(MEETING.ID)));
        return db.select(MEETING.ID, MEETING.TITLE, MEETING.HOST_SITE, MEETING.STARTS_AT, MEETING.ENDS_AT,
                        MEETING.STATUS, MEETING.SERIES_ID, invites, MEETING.VERSION)
                .from(MEETING).where(where)
                .orderBy(MEETING.STARTS_AT, MEETING.ID)
                .limit(size).offset((long) page * size)
                .fetch(r -> new MeetingSummary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        MeetingStatus.valueOf(r.value6()), r.value7(), r.value8(), r.value9()));
    }

    private static Condition where(Filter f) {
        Condition c = DSL.noCondition();
        if (f.from() != null) {
            c = c.and(MEETING.ENDS_AT.gt(utc(f.from())));
        }
        if (f.to() != null) {
            c = c.and(MEETING.STARTS_AT.lt(utc(f.to())));
        }
        if (f.status() != null) {
            c = c.and(MEETING.STATUS.eq(f.status().name()));
        }
        if (f.site() != null) {
            c = c.and(MEETING.HOST_SITE.eq(f.site()).or(DSL.exists(select(MEETING_INVITE.SITE_CODE)
                    .from(MEETING_INVITE).where(MEETING_INVITE.MEETING_ID.eq(MEETING.ID))
                    .and(MEETING_INVITE.SITE_CODE.eq(f.site())))));
        }
        if (f.region() != null) {
            c = c.and(DSL.exists(select(MEETING_INVITE.SITE_CODE).from(MEETING_INVITE)
                    .where(MEETING_INVITE.MEETING_ID.eq(MEETING.ID)).and(MEETING_INVITE.REGION.eq(f.region()))));
        }
        return c;
    }

    /** Moves a meeting to {@code to}; false if its version moved on (someone else changed it). */
    public boolean updateStatus(long id, MeetingStatus from, MeetingStatus to, String actor, String reason) {
        int n = db.update(MEETING)
                .set(MEETING.STATUS, to.name())
                .set(MEETING.VERSION, MEETING.VERSION.plus(1))
                .set(MEETING.UPDATED_AT, now())
                .where(MEETING.ID.eq(id)).and(MEETING.STATUS.eq(from.name()))
                .execute();
        if (n == 1) {
            transition(id, from, to, actor, reason);
            if (!MeetingStatus.HOLDING.contains(to)) {
                db.update(ROOM_HOLD).set(ROOM_HOLD.ACTIVE, false).where(ROOM_HOLD.MEETING_ID.eq(id)).execute();
            }
        }
        return n == 1;
    }

    public void transition(long id, MeetingStatus from, MeetingStatus to, String actor, String reason) {
        db.insertInto(MEETING_TRANSITION)
                .set(MEETING_TRANSITION.MEETING_ID, id)
                .set(MEETING_TRANSITION.FROM_STATUS, from == null ? null : from.name())
                .set(MEETING_TRANSITION.TO_STATUS, to.name())
                .set(MEETING_TRANSITION.AT, now())
                .set(MEETING_TRANSITION.ACTOR, actor)
                .set(MEETING_TRANSITION.REASON, reason)
                .execute();
    }

    public List<String> transitions(long id) {
        return db.select(MEETING_TRANSITION.FROM_STATUS, MEETING_TRANSITION.TO_STATUS).from(MEETING_TRANSITION)
                .where(MEETING_TRANSITION.MEETING_ID.eq(id)).orderBy(MEETING_TRANSITION.ID)
                .fetch(r -> r.value1() + "->" + r.value2());
    }

    public void outbox(String topic, long meetingId, String json) {
        db.insertInto(OUTBOX)
                .set(OUTBOX.TOPIC, topic)
                .set(OUTBOX.MEETING_ID, meetingId)
                .set(OUTBOX.PAYLOAD, JSONB.valueOf(json))
                .set(OUTBOX.CREATED_AT, now())
                .execute();
    }

    public int outboxCount(long meetingId) {
        return db.fetchCount(OUTBOX, OUTBOX.MEETING_ID.eq(meetingId));
    }

    private List<Meeting> fetch(Condition where) {
        var invites = multiset(select(MEETING_INVITE.SITE_CODE, MEETING_INVITE.PARTICIPATION, MEETING_INVITE.WAY_IN,
                ROOM_SYSTEM.ADDRESS, MEETING_INVITE.REGION)
                .from(MEETING_INVITE).leftJoin(ROOM_SYSTEM).on(ROOM_SYSTEM.ID.eq(MEETING_INVITE.ROOM_SYSTEM_ID))
                .where(MEETING_INVITE.MEETING_ID.eq(MEETING.ID)).orderBy(MEETING_INVITE.SITE_CODE))
                .convertFrom(r -> r.map(x -> new Meeting.Invitation(x.value1(), x.value2(), x.value3(), x.value4(),
                        x.value5())));
        var holds = multiset(select(CAPACITY_RESERVATION.REGION, CAPACITY_RESERVATION.WINDOW_RANGE,
                CAPACITY_RESERVATION.BRIDGE_PPS, CAPACITY_RESERVATION.VISITOR_SLOTS,
                CAPACITY_RESERVATION.VIDEO_GATEWAYS, CAPACITY_RESERVATION.AUDIO_CALLS, CAPACITY_RESERVATION.EXPLANATION)
                .from(CAPACITY_RESERVATION).where(CAPACITY_RESERVATION.MEETING_ID.eq(MEETING.ID))
                .orderBy(CAPACITY_RESERVATION.REGION))
                .convertFrom(r -> r.map(x -> new Meeting.CapacityHold(x.value1(), x.value2().lower(),
                        x.value2().upper(), x.value3(), x.value4(), x.value5(), x.value6(), x.value7())));
        return db.select(MEETING.asterisk(), invites, holds).from(MEETING).where(where)
                .fetch(r -> toMeeting(r, r.get(invites), r.get(holds)));
    }

    private static Meeting toMeeting(Record r, List<Meeting.Invitation> invites, List<Meeting.CapacityHold> holds) {
        return new Meeting(r.get(MEETING.ID), r.get(MEETING.TITLE), r.get(MEETING.AGENDA), r.get(MEETING.HOST_SITE),
                r.get(MEETING.STARTS_AT), r.get(MEETING.ENDS_AT), MeetingStatus.valueOf(r.get(MEETING.STATUS)),
                r.get(MEETING.SERIES_ID), r.get(MEETING.VERSION), List.copyOf(invites), List.copyOf(holds));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
