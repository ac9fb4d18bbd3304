package vn.hoinghi.orchestrator.notifications;

import java.time.Instant;

/** A claimed delivery: one message of one notification to one recipient; {@code attempts} includes this one. */
public record Delivery(long id, long notificationId, long meetingId, NotificationKind kind, Instant startsAt,
                       String detail, Channel channel, String recipient, String siteCode, String contactName,
                       int attempts) {
}
