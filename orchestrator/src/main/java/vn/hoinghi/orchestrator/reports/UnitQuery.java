package vn.hoinghi.orchestrator.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A unit report's filter: months {@code [from, to)}, optionally one region and one unit's subtree. */
public record UnitQuery(LocalDate from, LocalDate to, String region, String subtreeOf) {

    Object[] binds() {
        List<Object> b = new ArrayList<>();
        if (subtreeOf != null) {
            b.add(subtreeOf);
        }
        b.add(from);
        b.add(to);
        if (region != null) {
            b.add(region);
        }
        return b.toArray();
    }
}
