package vn.hoinghi.media.admission;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a booking went: the first region that fits, and every decision taken on the way (home region first), so
 * the booker sees why the home region refused.
 */
public record Placement(Optional<String> region, List<AdmissionDecision> decisions) {
    public Placement {
        decisions = List.copyOf(decisions);
    }

    public String explain() {
        String tried = decisions.stream().filter(d -> !d.fits()).map(AdmissionDecision::explain)
                .collect(Collectors.joining("; "));
        return region.map(r -> "placed in " + r + (tried.isEmpty() ? "" : " (" + tried + ")"))
                .orElse("no region fits: " + tried);
    }
}
