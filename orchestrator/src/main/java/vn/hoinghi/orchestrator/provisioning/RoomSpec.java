package vn.hoinghi.orchestrator.provisioning;

import java.util.Map;

/**
 * What to prepare on the Jitsi fleet for one meeting.
 *
 * @param room        the MUC room node (lower case, no domain), e.g. {@code hn-1234-giao-ban}
 * @param subject     the room subject shown to participants (the meeting title)
 * @param hostSite    site code of the host; its occupant is granted moderator when it joins
 * @param password    room password (null for none); units joining by HoiNghi link never need to type it
 * @param lobby       whether the lobby is enabled
 * @param properties  ConferenceIq properties (e.g. {@code startAudioMuted=9}, {@code rtcstatsEnabled=true})
 */
public record RoomSpec(String room, String subject, String hostSite, String password, boolean lobby,
                       Map<String, String> properties) {
}
