package vn.hoinghi.media.admission;

import java.util.Collection;
import java.util.List;
import vn.hoinghi.media.capacity.Load;

/** A region a booking may be placed in: what its fleet offers and what it already holds over the window. */
public record RegionOption(String region, Load capacity, Collection<Reservation> held) {
    public RegionOption {
        held = List.copyOf(held);
    }
}
