package vn.hoinghi.media.capacity;

/**
 * The part of one meeting that one region carries.
 *
 * @param bridges bridges this meeting alone spans in the region (≤ 80 of its endpoints per bridge, pps budget)
 * @param why     the arithmetic behind {@code load.pps()}, for the human table
 */
public record RegionShare(String region, int sites, int interactive, int visitors, int bridges, Load load,
                          String why) {
}
