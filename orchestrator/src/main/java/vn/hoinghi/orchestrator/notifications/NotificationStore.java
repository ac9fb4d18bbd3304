package vn.hoinghi.orchestrator.notifications;

import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.MEETING;
import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.MEETING_INVITE;
import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.NOTIFICATION;
import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.NOTIFICATION_DELIVERY;
import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.OUTBOX;
import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.SITE_CONTACT;

/** Notifications and their deliveries (V14_2), and the reads of outbox, meetings and contacts they are made from. */
@Singleton
public class NotificationStore {
    private static final List<String> UPCOMING = List.of("BOOKED", "PREPARING", "READY");
    private final DSLContext db;
    private final Clock clock;

    public NotificationStore(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** An outbox row this sender handles. */
    public record OutboxEvent(long id, String topic, long meetingId, String payload) {
    }

    /** Someone a meeting's notifications go to: a contact of the host or of an invited site. */
    public record Recipient(String siteCode, String name, String role, String phone, String email) {
    }

    /** A meeting as far as notifications care. */
    public record MeetingFacts(long id, Instant start, String status) {
    }

    /**
     * Locks up to {@code max} untaken outbox rows of the notified topics, oldest first; rows another sender is
     * taking are skipped, not waited for. Other topics are left for whoever reads them.
     */
    public List<OutboxEvent> lockOutbox(int max) {
        return db.select(OUTBOX.ID, OUTBOX.TOPIC, OUTBOX.MEETING_ID, OUTBOX.PAYLOAD).from(OUTBOX)
                .where(OUTBOX.SENT_AT.isNull()).and(OUTBOX.TOPIC.in(NotificationKind.TOPICS))
                .and(OUTBOX.MEETING_ID.isNotNull())
                .orderBy(OUTBOX.ID).limit(max)
                .forUpdate().skipLocked()
                .fetch(r -> new OutboxEvent(r.value1(), r.value2(), r.value3(), r.value4().data()));
    }

    public void markOutboxTaken(long outboxId) {
        db.update(OUTBOX).set(OUTBOX.SENT_AT, now()).where(OUTBOX.ID.eq(outboxId)).execute();
    }

    public Optional<MeetingFacts> meeting(long id) {
        return db.select(MEETING.ID, MEETING.STARTS_AT, MEETING.STATUS).from(MEETING).where(MEETING.ID.eq(id))
                .fetchOptional(r -> new MeetingFacts(r.value1(), r.value2().toInstant(), r.value3()));
    }

    /**
     * Upcoming meetings that start within {@code before} of now and have no {@code kind} reminder for their
     * current start yet. A meeting booked later than {@code before} ahead gets none (its invitation just went),
     * and none starting within {@code notWithin} (a later reminder is due instead).
     */
    public List<MeetingFacts> remindersDue(NotificationKind kind, Duration before, Duration notWithin) {
        OffsetDateTime now = now();
        var n = NOTIFICATION.as("n");
        return db.select(MEETING.ID, MEETING.STARTS_AT, MEETING.STATUS).from(MEETING)
                .where(MEETING.STATUS.in(UPCOMING))
                .and(MEETING.STARTS_AT.gt(now.plus(notWithin)))
                .and(MEETING.STARTS_AT.le(now.plus(before)))
                .and(DSL.condition("{0} <= {1} - {2}::interval", MEETING.CREATED_AT, MEETING.STARTS_AT,
                        DSL.inline(before.toSeconds() + " seconds")))
                .andNotExists(DSL.selectOne().from(n).where(n.MEETING_ID.eq(MEETING.ID))
                        .and(n.KIND.eq(kind.name())).and(n.STARTS_AT.eq(MEETING.STARTS_AT)))
                .orderBy(MEETING.STARTS_AT)
                .fetch(r -> new MeetingFacts(r.value1(), r.value2().toInstant(), r.value3()));
    }

    /** Records a notification; empty when one with this key exists (it was already taken). */
    public Optional<Long> insertNotification(String key, long meetingId, NotificationKind kind, Instant startsAt,
                                             String detail) {
        return db.insertInto(NOTIFICATION)
                .set(NOTIFICATION.EVENT_KEY, key)
                .set(NOTIFICATION.MEETING_ID, meetingId)
                .set(NOTIFICATION.KIND, kind.name())
                .set(NOTIFICATION.STARTS_AT, utc(startsAt))
                .set(NOTIFICATION.DETAIL, detail)
                .set(NOTIFICATION.CREATED_AT, now())
                .onConflict(NOTIFICATION.EVENT_KEY).doNothing()
                .returning(NOTIFICATION.ID)
                .fetchOptional(NOTIFICATION.ID);
    }

    /** Every contact of the host and of each invited site, site by site in list order. */
    public List<Recipient> recipients(long meetingId) {
        var sites = DSL.select(MEETING_INVITE.SITE_CODE).from(MEETING_INVITE)
                .where(MEETING_INVITE.MEETING_ID.eq(meetingId))
                .union(DSL.select(MEETING.HOST_SITE).from(MEETING).where(MEETING.ID.eq(meetingId)));
        return db.selectFrom(SITE_CONTACT).where(SITE_CONTACT.SITE_CODE.in(sites))
                .orderBy(SITE_CONTACT.SITE_CODE, SITE_CONTACT.POSITION)
                .fetch(r -> new Recipient(r.getSiteCode(), r.getName(), r.getRole(), r.getPhone(), r.getEmail()));
    }

    /** A delivery to write before anything is sent. */
    public record NewDelivery(Channel channel, String recipient, String siteCode, String contactName,
                              String contactRole) {
    }

    /** Writes the deliveries; one that exists already (same channel and recipient) is kept as it is. */
    public void insertDeliveries(long notificationId, List<NewDelivery> deliveries) {
        OffsetDateTime now = now();
        List<Query> inserts = new ArrayList<>();
        for (NewDelivery d : deliveries) {
            inserts.add(db.insertInto(NOTIFICATION_DELIVERY)
                    .set(NOTIFICATION_DELIVERY.NOTIFICATION_ID, notificationId)
                    .set(NOTIFICATION_DELIVERY.CHANNEL, d.channel().name())
                    .set(NOTIFICATION_DELIVERY.RECIPIENT, d.recipient())
                    .set(NOTIFICATION_DELIVERY.SITE_CODE, d.siteCode())
                    .set(NOTIFICATION_DELIVERY.CONTACT_NAME, d.contactName())
                    .set(NOTIFICATION_DELIVERY.CONTACT_ROLE, d.contactRole())
                    .set(NOTIFICATION_DELIVERY.NEXT_ATTEMPT_AT, now)
                    .set(NOTIFICATION_DELIVERY.CREATED_AT, now)
                    .set(NOTIFICATION_DELIVERY.UPDATED_AT, now)
                    .onConflictDoNothing());
        }
        if (!inserts.isEmpty()) {
            db.batch(inserts).execute();
        }
    }

    /**
     * Claims up to {@code max} deliveries: pending ones that are due, and sending ones whose lease ran out (their
     * sender died, maybe mid-message). Rows another sender is claiming are skipped.
     */
    public List<Delivery> claim(String sender, int max, Duration lease) {
        OffsetDateTime now = now();
        var d = NOTIFICATION_DELIVERY;
        List<Long> due = db.select(d.ID).from(d)
                .where(d.STATUS.eq("PENDING").and(d.NEXT_ATTEMPT_AT.le(now)))
                .or(d.STATUS.eq("SENDING").and(d.LEASE_UNTIL.lt(now)))
                .orderBy(d.ID).limit(max)
                .forUpdate().skipLocked()
                .fetch(r -> r.value1());
        if (due.isEmpty()) {
            return List.of();
        }
        db.update(d).set(d.STATUS, "SENDING").set(d.LEASE_UNTIL, now.plus(lease)).set(d.LEASED_BY, sender)
                .set(d.ATTEMPTS, d.ATTEMPTS.plus(1)).set(d.UPDATED_AT, now)
                .where(d.ID.in(due)).execute();
        return db.select(d.ID, d.NOTIFICATION_ID, NOTIFICATION.MEETING_ID, NOTIFICATION.KIND, NOTIFICATION.STARTS_AT,
                        NOTIFICATION.DETAIL, d.CHANNEL, d.RECIPIENT, d.SITE_CODE, d.CONTACT_NAME, d.ATTEMPTS)
                .from(d).join(NOTIFICATION).on(NOTIFICATION.ID.eq(d.NOTIFICATION_ID))
                .where(d.ID.in(due)).orderBy(d.ID)
                .fetch(r -> new Delivery(r.value1(), r.value2(), r.value3(), NotificationKind.valueOf(r.value4()),
                        r.value5().toInstant(), r.value6(), Channel.valueOf(r.value7()), r.value8(), r.value9(),
                        r.value10(), r.value11()));
    }

    /** Records the outcome, only while this sender still holds the lease (a late sender cannot overwrite). */
    public boolean complete(long id, String sender, DeliveryOutcome outcome) {
        var d = NOTIFICATION_DELIVERY;
        OffsetDateTime now = now();
        var update = db.update(d).set(d.UPDATED_AT, now).set(d.LEASE_UNTIL, (OffsetDateTime) null);
        org.jooq.UpdateSetMoreStep<?> set;
        if (outcome instanceof DeliveryOutcome.RetryAt r) {
            set = update.set(d.STATUS, "PENDING").set(d.NEXT_ATTEMPT_AT, utc(r.at())).set(d.LAST_ERROR, r.reason());
        } else if (outcome instanceof DeliveryOutcome.Failed f) {
            set = update.set(d.STATUS, "FAILED").set(d.LAST_ERROR, f.reason());
        } else if (outcome instanceof DeliveryOutcome.Skipped s) {
            set = update.set(d.STATUS, "SKIPPED").set(d.LAST_ERROR, s.reason());
        } else {
            set = update.set(d.STATUS, "SENT").set(d.SENT_AT, now).set(d.LAST_ERROR, (String) null);
        }
        return set.where(d.ID.eq(id)).and(d.LEASED_BY.eq(sender)).and(d.STATUS.eq("SENDING")).execute() == 1;
    }

    /** Every delivery of a meeting's notifications, in the order they were made. */
    public List<NotificationController.DeliveryView> forMeeting(long meetingId) {
        var d = NOTIFICATION_DELIVERY;
        return db.select(d.ID, NOTIFICATION.KIND, NOTIFICATION.CREATED_AT, d.CHANNEL, d.RECIPIENT, d.SITE_CODE,
                        d.CONTACT_NAME, d.CONTACT_ROLE, d.STATUS, d.ATTEMPTS, d.SENT_AT, d.NEXT_ATTEMPT_AT,
                        d.LAST_ERROR)
                .from(d).join(NOTIFICATION).on(NOTIFICATION.ID.eq(d.NOTIFICATION_ID))
                .where(NOTIFICATION.MEETING_ID.eq(meetingId))
                .orderBy(NOTIFICATION.ID, d.ID)
                .fetch(r -> new NotificationController.DeliveryView(r.value1(), r.value2(),
                        r.value3().toInstant(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8(),
                        r.value9(), r.value10(), r.value11() == null ? null : r.value11().toInstant(),
                        "PENDING".equals(r.value9()) ? r.value12().toInstant() : null, r.value13()));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
