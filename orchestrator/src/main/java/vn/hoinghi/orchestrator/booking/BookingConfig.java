package vn.hoinghi.orchestrator.booking;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** {@code hoinghi.booking.*}: the rules of booking. */
@ConfigurationProperties("hoinghi.booking")
public class BookingConfig {
    /** HoiNghi prepares rooms this long before the start (PREPARING); capacity is held from then. */
    private Duration prepare = Duration.ofMinutes(15);
    /** Meetings overrun: capacity stays held this long after the planned end. */
    private Duration grace = Duration.ofMinutes(15);
    private Duration maxDuration = Duration.ofHours(12);
    /** The whole Ministry with communes is ~4,000 sites; a list beyond this is a mistake. */
    private int maxInvites = 5000;
    private int maxOccurrences = 200;
    /** How far ahead a recurrence may reach. */
    private Duration horizon = Duration.ofDays(400);
    public Duration getPrepare() { return prepare; }
    public void setPrepare(Duration v) { prepare = v; }
    public Duration getGrace() { return grace; }
    public void setGrace(Duration v) { grace = v; }
    public Duration getMaxDuration() { return maxDuration; }
    public void setMaxDuration(Duration v) { maxDuration = v; }
    public int getMaxInvites() { return maxInvites; }
    public void setMaxInvites(int v) { maxInvites = v; }
    public int getMaxOccurrences() { return maxOccurrences; }
    public void setMaxOccurrences(int v) { maxOccurrences = v; }
    public Duration getHorizon() { return horizon; }
    public void setHorizon(Duration v) { horizon = v; }
}
