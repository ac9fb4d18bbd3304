package vn.hoinghi.orchestrator.notifications;

import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns outbox rows and due reminders into notifications with their deliveries, each in one transaction with
 * the outbox row it takes: a crash leaves either nothing or the whole expansion, never half a recipient list.
 */
@Singleton
public class NotificationIntake {
    private final NotificationStore store;
    private final NotificationConfig config;
    private final JsonMapper json;

    public NotificationIntake(NotificationStore store, NotificationConfig config, JsonMapper json) {
        this.store = store;
        this.config = config;
        this.json = json;
    }

    /** Takes a batch of outbox rows; returns how many it took (0 when the outbox is drained). */
    @Transactional
    public int takeOutbox() {
        List<NotificationStore.OutboxEvent> events = store.lockOutbox(config.getBatch());
        for (NotificationStore.OutboxEvent e : events) {
            NotificationKind kind = NotificationKind.ofTopic(e.topic()).orElseThrow();
            store.meeting(e.meetingId()).ifPresent(m -> add("outbox:" + e.id(), m, kind,
                    kind == NotificationKind.CANCELLATION ? reason(e.payload()) : null));
            store.markOutboxTaken(e.id());
        }
        return events.size();
    }

    /** Records the reminders that fell due; returns how many notifications it made. */
    @Transactional
    public int scheduleReminders() {
        int made = 0;
        for (var m : store.remindersDue(NotificationKind.REMINDER_DAY, config.getDayReminder(),
                config.getSoonReminder())) {
            made += add(reminderKey(NotificationKind.REMINDER_DAY, m), m, NotificationKind.REMINDER_DAY, null);
        }
        for (var m : store.remindersDue(NotificationKind.REMINDER_SOON, config.getSoonReminder(), Duration.ZERO)) {
            made += add(reminderKey(NotificationKind.REMINDER_SOON, m), m, NotificationKind.REMINDER_SOON, null);
        }
        return made;
    }

    private static String reminderKey(NotificationKind kind, NotificationStore.MeetingFacts m) {
        return kind + ":" + m.id() + ":" + m.start().getEpochSecond();
    }

    private int add(String key, NotificationStore.MeetingFacts m, NotificationKind kind, String detail) {
        return store.insertNotification(key, m.id(), kind, m.start(), detail).map(id -> {
            store.insertDeliveries(id, deliveries(m.id()));
            return 1;
        }).orElse(0);
    }

    /** One delivery per contact and channel; an address shared by two contacts gets one message. */
    private List<NotificationStore.NewDelivery> deliveries(long meetingId) {
        List<NotificationStore.NewDelivery> out = new ArrayList<>();
        for (NotificationStore.Recipient r : store.recipients(meetingId)) {
            if (r.email() != null) {
                out.add(new NotificationStore.NewDelivery(Channel.EMAIL, r.email().strip().toLowerCase(Locale.ROOT),
                        r.siteCode(), r.name(), r.role()));
            }
            if (config.isTextMessages() && r.phone() != null) {
                out.add(new NotificationStore.NewDelivery(Channel.SMS, r.phone().replaceAll("[^0-9+]", ""),
                        r.siteCode(), r.name(), r.role()));
            }
        }
        return out;
    }

    private String reason(String payload) {
        try {
            Object reason = json.readValue(payload, Map.class).get("reason");
            return reason == null || reason.toString().isBlank() ? null : reason.toString();
        } catch (IOException e) {
            return null;
        }
    }
}
