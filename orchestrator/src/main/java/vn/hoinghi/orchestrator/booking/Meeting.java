package vn.hoinghi.orchestrator.booking;

import io.micronaut.serde.annotation.Serdeable;

import java.time.OffsetDateTime;
import java.util.List;

/** A booked meeting occurrence as the API shows it, with the capacity it holds per region. */
@Serdeable
public record Meeting(
        long id,
        String title,
        String agenda,
        String hostSite,
        OffsetDateTime start,
        OffsetDateTime end,
        MeetingStatus status,
        Long seriesId,
        int version,
        List<Invitation> invites,
        List<CapacityHold> capacity) {

    @Serdeable
    public record Invitation(String site, String participation, String wayIn, String roomSystem, String region) {
    }

    /** What the meeting reserves in one region over {@code [from, to)} (start − prepare to end + grace). */
    @Serdeable
    public record CapacityHold(String region, OffsetDateTime from, OffsetDateTime to, long bridgePps,
                               long visitorSlots, long videoGateways, long audioCalls, String explanation) {
    }
}
