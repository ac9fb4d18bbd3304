package vn.hoinghi.orchestrator.notifications;

import java.util.Optional;

/** What a notification tells: the booking outbox's three events and the two reminders. */
public enum NotificationKind {
    INVITATION, CHANGE, CANCELLATION, REMINDER_DAY, REMINDER_SOON;

    /** The kind an outbox topic becomes; other topics (lifecycle moves) are not told to the units. */
    static Optional<NotificationKind> ofTopic(String topic) {
        return switch (topic) {
            case "meeting.booked" -> Optional.of(INVITATION);
            case "meeting.changed" -> Optional.of(CHANGE);
            case "meeting.cancelled" -> Optional.of(CANCELLATION);
            default -> Optional.empty();
        };
    }

    static final java.util.List<String> TOPICS = java.util.List.of("meeting.booked", "meeting.changed",
            "meeting.cancelled");
}
