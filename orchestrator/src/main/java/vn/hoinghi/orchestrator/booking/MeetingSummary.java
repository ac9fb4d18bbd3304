package vn.hoinghi.orchestrator.booking;

import io.micronaut.serde.annotation.Serdeable;

import java.time.OffsetDateTime;

/** A meeting in a list: no invitation details. */
@Serdeable
public record MeetingSummary(long id, String title, String hostSite, OffsetDateTime start, OffsetDateTime end,
                             MeetingStatus status, Long seriesId, int inviteCount, int version) {
}
