package vn.hoinghi.orchestrator.provisioning;

import java.time.Duration;

/**
 * HoiNghi's hands on the Jitsi control plane (DESIGN.md §3), implemented over XMPP in {@code provisioning.xmpp}
 * (the only package that may use Smack). Calls block until Jicofo answers or the timeout passes; they are made
 * from job-runner threads, never from an HTTP event loop.
 */
public interface ConferenceControl {

    /**
     * Sends the ConferenceIq to the focus, waits for {@code ready='true'}, then joins the room as HoiNghi's hidden
     * occupant (owner, declines Jingle, sets subject, password and lobby per the spec). Idempotent: preparing a
     * room HoiNghi already sits in only refreshes its settings.
     *
     * @throws ProvisioningException with {@link ProvisioningException.Kind} saying whether a retry can help
     */
    PreparedRoom prepare(RoomSpec spec, Duration timeout) throws ProvisioningException;

    /** Dials a SIP video room system through the Jibri SIP gateway ({@code JibriIq action='start' sipaddress}). */
    CallHandle dialVideo(String room, String sipAddress, String displayName, Duration timeout)
            throws ProvisioningException;

    /** Dials an audio endpoint through Jigasi (Rayo {@code DialIq}); the reply can take ~45 s. */
    CallHandle dialAudio(String room, String sipUri, String callerId, Duration timeout) throws ProvisioningException;

    /** Hangs up: Jibri {@code action='stop'} or Rayo {@code <hangup/>} to the Jigasi occupant. */
    void hangUp(CallHandle call) throws ProvisioningException;

    /** Leaves the room (Jicofo then ends the conference when the last member leaves). */
    void release(String room);

    /**
     * Whether HoiNghi sits in {@code room} now, so that requests can go through it. A restarted process sits in
     * no room until it prepares it again.
     */
    boolean sitsIn(String room);

    /** A prepared room: its full MUC address and the focus that answered. */
    record PreparedRoom(String roomJid, String focusJid) {
    }

    /**
     * An established or pending call: {@code id} is the Jibri session id or the Jigasi occupant's MUC address (the
     * Rayo {@code ref} uri), {@code kind} says which.
     */
    record CallHandle(String room, Kind kind, String target, String id) {
        public enum Kind { JIBRI_SIP, JIGASI_AUDIO }
    }
}
