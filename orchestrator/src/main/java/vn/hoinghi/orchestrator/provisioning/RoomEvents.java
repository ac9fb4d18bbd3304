package vn.hoinghi.orchestrator.provisioning;

import java.time.Instant;
import java.util.function.Predicate;

/**
 * What the XMPP side observes in the rooms HoiNghi sits in, pushed to the roll-call and dial-out logic. The
 * implementation of {@link ConferenceControl} calls these from its own threads; implementations must be quick
 * and thread-safe (they persist and return).
 */
public interface RoomEvents {
    /** Where HoiNghi heard an occupant: the conference's main room, or else the id of a visitor node. */
    String MAIN_ROOM = "main";

    /**
     * An occupant joined the room on {@code node} ({@link #MAIN_ROOM} or a visitor node's id). {@code siteCode}
     * comes from the verified {@code <identity>} in its presence (added by Prosody's presence_identity module from
     * the JWT), null when the occupant has none (not a HoiNghi link).
     */
    void joined(String room, String node, String endpointId, String siteCode, String displayName, Instant at);

    /** An occupant joined the main room. */
    default void joined(String room, String endpointId, String siteCode, String displayName, Instant at) {
        joined(room, MAIN_ROOM, endpointId, siteCode, displayName, at);
    }

    void left(String room, String endpointId, Instant at);

    /**
     * HoiNghi (re)entered the room on {@code node}: an occupant the roll-call still has there (last heard joining
     * on that node) for whom {@code stillHere} is false left while no HoiNghi occupant was there to see it (an
     * orchestrator restart, a lost XMPP connection); {@code at} is when that was noticed. {@code stillHere} is asked
     * only once the roll-call of the meeting is locked, so a join heard meanwhile is not taken for a leave.
     */
    default void occupants(String room, String node, Predicate<String> stillHere, Instant at) {
    }

    /** A Jibri SIP call changed state ({@code on}, {@code off}, {@code pending}), from the focus's presence. */
    void sipCallState(String room, String sipAddress, String sessionId, String state, String failureReason,
                      Instant at);
}
