package vn.hoinghi.orchestrator.provisioning;

import java.util.List;
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
 * @param mainRoomSites site codes (their tokens' user id) Jicofo must keep in the main room, set through
 *                    mod_hoinghi_main_room; empty: no list, Jicofo's room stays open to everyone
 */
public record RoomSpec(String room, String subject, String hostSite, String password, boolean lobby,
                       Map<String, String> properties, List<String> mainRoomSites) {
    public RoomSpec {
        mainRoomSites = mainRoomSites == null ? List.of() : List.copyOf(mainRoomSites);
    }

    public RoomSpec(String room, String subject, String hostSite, String password, boolean lobby,
                    Map<String, String> properties) {
        this(room, subject, hostSite, password, lobby, properties, List.of());
    }
}
