package vn.hoinghi.orchestrator.access;

import vn.hoinghi.orchestrator.sites.Site;

/**
 * Jitsi Meet URL settings for a site's link, from its downlink (DESIGN.md §3: whitelisted, JSON-valued keys).
 * Weak links get 180p, fewer videos and, below 1 Mbps, audio first; every unit gets the Vietnamese UI.
 * Never {@code prejoinConfig.enabled=false}: it would also disable camera and microphone.
 */
final class NetworkTuning {
    private NetworkTuning() {
    }

    static String fragment(Site.NetworkProfile n) {
        StringBuilder f = new StringBuilder("&config.defaultLanguage=%22vi%22");
        int down = n.downlinkKbps();
        if (down < 1024) {
            f.append("&config.startAudioOnly=true&config.resolution=180&config.channelLastN=2");
        } else if (down < 2048) {
            f.append("&config.resolution=180&config.channelLastN=4");
        } else if (down < 4096) {
            f.append("&config.resolution=360&config.channelLastN=8");
        } else {
            f.append("&config.resolution=720");
        }
        if (down < 4096) {
            // VP8 first: cheapest to decode on the old machines these offices tend to have.
            f.append("&config.videoQuality.codecPreferenceOrder=%5B%22VP8%22%2C%22VP9%22%2C%22AV1%22%5D");
        }
        return f.toString();
    }
}
