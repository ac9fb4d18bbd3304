package vn.hoinghi.media.capacity;

import java.util.List;

/**
 * What one meeting costs: its conference-wide figures and one share per region it touches.
 *
 * @param lastN              effective last-N (-1 = everyone forwarded)
 * @param receiverPps        packets per second each main-room receiver gets
 * @param visitorReceiverPps packets per second each visitor gets
 */
public record MeetingFootprint(String meeting, int totalSites, int interactive, int visitors, int lastN,
                               long receiverPps, long visitorReceiverPps, List<RegionShare> shares) {
    public MeetingFootprint {
        shares = List.copyOf(shares);
    }
}
