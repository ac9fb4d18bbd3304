package vn.hoinghi.orchestrator.sites;

import java.time.Instant;

/** A meeting still to come that invites a room system: named in the error when that room system would go. */
public record MeetingUse(long id, String title, Instant startsAt) {
}
