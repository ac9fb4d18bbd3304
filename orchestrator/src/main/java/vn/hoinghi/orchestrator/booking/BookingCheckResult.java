package vn.hoinghi.orchestrator.booking;

import io.micronaut.serde.annotation.Serdeable;
import vn.hoinghi.orchestrator.platform.errors.Problem.FieldError;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a booking would meet if it were made now, written nowhere: the clashes and the capacity of each region,
 * per occurrence. {@code bookable} is true when a real booking of the same request would be accepted. Empty lists
 * are sent as [] (the API's serde inclusion is non_absent), so the form never has to guess.
 */
@Serdeable
public record BookingCheckResult(boolean bookable, int sites, List<OccurrenceCheck> occurrences) {

    /** One occurrence: room-system and host clashes (as a refused booking names them), then each region. */
    @Serdeable
        public record OccurrenceCheck(OffsetDateTime start, OffsetDateTime end, boolean bookable,
                                  List<FieldError> clashes, List<RegionCheck> regions) {
        public OccurrenceCheck {
            clashes = clashes == null ? List.of() : clashes;
            regions = regions == null ? List.of() : regions;
        }
    }

    /**
     * One region's answer over the reserved window (start − prepare, end + grace). {@code bridgesShort} turns a
     * packet-rate shortfall into whole bridges (JVB) at the planned load per bridge; the other shortfalls are in
     * {@code shortfalls}, each with both languages.
     */
    @Serdeable
        public record RegionCheck(String region, OffsetDateTime from, OffsetDateTime to, boolean fits, long bridgesShort,
                              String messageVi, String messageEn, List<FieldError> shortfalls) {
        public RegionCheck {
            shortfalls = shortfalls == null ? List.of() : shortfalls;
        }
    }
}
