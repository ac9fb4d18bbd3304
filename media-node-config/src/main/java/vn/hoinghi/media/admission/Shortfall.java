package vn.hoinghi.media.admission;

import java.time.Instant;
import vn.hoinghi.media.capacity.Load.Resource;

/**
 * One resource a region would run out of: the worst excess, and the first and last instants of over-commitment
 * (the region may recover in between; booking anything inside {@code [from, to)} must consider it).
 */
public record Shortfall(Resource resource, long amount, Instant from, Instant to) {
    public String describe() {
        return String.format(java.util.Locale.ROOT, "short by %,d %s between %s and %s", amount, resource.unit(),
                from, to);
    }
}
