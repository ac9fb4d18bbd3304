package vn.hoinghi.media.admission;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import vn.hoinghi.media.capacity.Load;

/** The answer of {@link AdmissionCheck}: the booking fits, or it does not and here is by how much and when. */
public sealed interface AdmissionDecision {
    boolean fits();

    /** One sentence for the booker, in the words of DESIGN.md §4. */
    String explain();

    /**
     * @param peak the highest load the region would carry in the window, the new booking included
     */
    record Fits(String region, Instant from, Instant to, Load peak) implements AdmissionDecision {
        @Override
        public boolean fits() {
            return true;
        }

        @Override
        public String explain() {
            return "fits in " + region + " between " + from + " and " + to + " (peak " + peak.pps() + " pps, "
                    + peak.visitorSlots() + " visitor slots, " + peak.videoGateways() + " video gateways, "
                    + peak.audioCalls() + " audio calls)";
        }
    }

    record DoesNotFit(String region, List<Shortfall> shortfalls) implements AdmissionDecision {
        public DoesNotFit {
            if (shortfalls.isEmpty()) {
                throw new IllegalArgumentException("a refusal names at least one shortfall");
            }
            shortfalls = List.copyOf(shortfalls);
        }

        @Override
        public boolean fits() {
            return false;
        }

        @Override
        public String explain() {
            return "does not fit in " + region + ": "
                    + shortfalls.stream().map(Shortfall::describe).collect(Collectors.joining("; "));
        }
    }
}
