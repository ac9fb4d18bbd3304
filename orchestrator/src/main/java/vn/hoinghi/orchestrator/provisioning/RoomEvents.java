package vn.hoinghi.orchestrator.provisioning;

import java.time.Instant;
import java.util.Set;

/**
 * What the XMPP side observes in the rooms HoiNghi sits in, pushed to the roll-call and dial-out logic. The
 * implementation of {@link ConferenceControl} calls these from its own threads; implementations must be quick
 * and thread-safe (they persist and return).
 */
public interface RoomEvents {
    /**
     * An occupant joined. {@code siteCode} comes from the verified {@code <identity>} in its presence (added by
     * Prosody's presence_identity module from the JWT), null when the occupant has none (not a HoiNghi link).
     */
    void joined(String room, String endpointId, String siteCode, String displayName, Instant at);

    void left(String room, String endpointId, Instant at);

    /**
     * Who was in the room (endpoint ids, without HoiNghi and the focus) when HoiNghi (re)entered it. An occupant
     * the roll-call still has in the room but who is not listed left while no HoiNghi occupant was there to see
     * it (a restart, a lost XMPP connection); {@code at} is when that was noticed.
     */
    default void occupants(String room, Set<String> endpointIds, Instant at) {
    }

    /** A Jibri SIP call changed state ({@code on}, {@code off}, {@code pending}), from the focus's presence. */
    void sipCallState(String room, String sipAddress, String sessionId, String state, String failureReason,
                      Instant at);
}
