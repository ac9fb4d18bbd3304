package vn.hoinghi.media.admission;

import java.util.ArrayList;
import java.util.List;
import vn.hoinghi.media.capacity.Load;

/**
 * An in-memory ledger for one region: check and insert as one atomic step, so concurrent bookers never
 * over-commit. The CLI and tests use it; the orchestrator keeps the same rule with its database lock instead.
 */
public final class RegionLedger {
    private final String region;
    private final Load capacity;
    private final AdmissionCheck check;
    private final List<Reservation> held = new ArrayList<>();

    public RegionLedger(String region, Load capacity, AdmissionCheck check) {
        this.region = region;
        this.capacity = capacity;
        this.check = check;
    }

    /** Reserves the candidate if it fits; the decision says why not otherwise. */
    public synchronized AdmissionDecision tryReserve(Reservation candidate) {
        AdmissionDecision d = check.check(region, capacity, held, candidate);
        if (d.fits()) {
            held.add(candidate);
        }
        return d;
    }

    public synchronized List<Reservation> reservations() {
        return List.copyOf(held);
    }
}
