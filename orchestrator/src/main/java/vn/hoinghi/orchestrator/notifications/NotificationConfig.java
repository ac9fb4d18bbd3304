package vn.hoinghi.orchestrator.notifications;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/** {@code hoinghi.notifications.*}: whether and how often the sender runs, retries and reminders. */
@ConfigurationProperties("hoinghi.notifications")
public class NotificationConfig {
    /** Off unless an SMTP server is configured: a sender without one would only pile up retries. */
    private boolean enabled = false;
    /** Deliveries claimed per round. */
    private int batch = 50;
    /** A delivery whose sender is silent this long is taken over (the sender is presumed dead). */
    private Duration lease = Duration.ofMinutes(2);
    /** Pauses before the 2nd, 3rd, … attempt of a transient failure; after the last one the delivery FAILS. */
    private List<Duration> retryBackoff = List.of(Duration.ofSeconds(30), Duration.ofMinutes(2),
            Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2));
    /** The day-before reminder: sent once the meeting is this close (only if it was booked earlier than that). */
    private Duration dayReminder = Duration.ofDays(1);
    /** The last reminder, when the room opens. */
    private Duration soonReminder = Duration.ofMinutes(15);
    /** Sender address and display name of the e-mails. */
    private String from = "hoinghi@localhost";
    private String fromName = "Hội nghị truyền hình Bộ Tư pháp";
    /** SMS/Zalo deliveries are recorded and handed to the {@code TextMessageSender} only when this is on. */
    private boolean textMessages = false;

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean v) { enabled = v; }
    public int getBatch() { return batch; }
    public void setBatch(int v) { batch = v; }
    public Duration getLease() { return lease; }
    public void setLease(Duration v) { lease = v; }
    public List<Duration> getRetryBackoff() { return retryBackoff; }
    public void setRetryBackoff(List<Duration> v) { retryBackoff = List.copyOf(v); }
    public Duration getDayReminder() { return dayReminder; }
    public void setDayReminder(Duration v) { dayReminder = v; }
    public Duration getSoonReminder() { return soonReminder; }
    public void setSoonReminder(Duration v) { soonReminder = v; }
    public String getFrom() { return from; }
    public void setFrom(String v) { from = v; }
    public String getFromName() { return fromName; }
    public void setFromName(String v) { fromName = v; }
    public boolean isTextMessages() { return textMessages; }
    public void setTextMessages(boolean v) { textMessages = v; }
}
