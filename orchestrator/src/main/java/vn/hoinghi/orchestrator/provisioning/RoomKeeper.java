package vn.hoinghi.orchestrator.provisioning;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.orchestrator.booking.Meeting;

/**
 * Puts HoiNghi back in the room of a meeting it runs before anything goes through that room. Jicofo takes dial
 * and hang-up requests only from an occupant, and a restarted process sits in no room, so without this a
 * restart in the middle of a meeting would leave its remaining sites undialled and its calls up after the end.
 * Re-entering also replays the focus's presence: a Jibri call that came up while no HoiNghi was there closes the
 * attempt the dead process left open, instead of being dialled again.
 */
@Singleton
public class RoomKeeper {
    private static final Logger LOG = LoggerFactory.getLogger(RoomKeeper.class);
    private final ConferenceControl control;
    private final ProvisioningConfig config;

    public RoomKeeper(ConferenceControl control, ProvisioningConfig config) {
        this.control = control;
        this.config = config;
    }

    /**
     * Re-enters the meeting's room unless HoiNghi sits in it already. A failure is logged, not thrown: the step
     * that needed the room then fails on its own terms ("not-joined") and its retry policy applies.
     */
    public void enter(Meeting m) {
        String room = RoomNames.of(m.id());
        if (control.sitsIn(room)) {
            return;
        }
        try {
            control.prepare(PrepareHandler.spec(m), config.getPrepareTimeout());
            LOG.info("re-entered room {} of meeting {} (this process was not in it)", room, m.id());
        } catch (ProvisioningException e) {
            LOG.warn("could not re-enter room {} of meeting {}: {} {}", room, m.id(), e.condition(), e.getMessage());
        }
    }
}
