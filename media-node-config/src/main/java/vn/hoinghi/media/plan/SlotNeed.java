package vn.hoinghi.media.plan;

import java.time.Instant;

/** Nodes one region needs during one 15-minute slot (the peak inside the slot, not the average). */
public record SlotNeed(Instant slot, String region, int bridges, int visitorNodes, int jibriSip, int jigasi,
                       long peakPps) {
}
