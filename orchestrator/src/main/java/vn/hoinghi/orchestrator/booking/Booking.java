package vn.hoinghi.orchestrator.booking;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The answer to a booking: the first occurrence in full and every occurrence in brief. */
@Serdeable
public record Booking(Long seriesId, Meeting first, List<MeetingSummary> occurrences) {
}
