package vn.hoinghi.orchestrator.provisioning;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.orchestrator.booking.Meeting;
import vn.hoinghi.orchestrator.booking.MeetingStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps HoiNghi in the room of every meeting it runs. Jicofo takes dial and hang-up requests only from an
 * occupant, and the roll-call sees only the rooms HoiNghi sits in; a restarted process sits in none. So each round
 * of the job runner re-enters the room of every READY or LIVE meeting this process is not in (an idempotent
 * prepare: ConferenceIq, then join; nothing is dialled), and so does any step that is about to use a room.
 * Joining replays the room as it is: the occupants already there reach the roll-call at once, and the focus's
 * presence reports Jibri calls that came up while no HoiNghi was there, closing the attempts a dead process left
 * open instead of dialling them again.
 */
@Singleton
public class RoomKeeper {
    private static final Logger LOG = LoggerFactory.getLogger(RoomKeeper.class);
    /** After a failed re-entry (XMPP down, focus not answering), wait this long before the round tries again. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);
    private final ConferenceControl control;
    private final Lifecycle lifecycle;
    private final ProvisioningConfig config;
    private final Clock clock;
    /** Per meeting: no round re-enters before this time (a failed attempt would otherwise repeat every tick). */
    private final Map<Long, Instant> notBefore = new ConcurrentHashMap<>();

    public RoomKeeper(ConferenceControl control, Lifecycle lifecycle, ProvisioningConfig config, Clock clock) {
        this.control = control;
        this.lifecycle = lifecycle;
        this.config = config;
        this.clock = clock;
    }

    /** Re-enters the room of each READY or LIVE meeting that this process does not sit in. */
    public void keepAll() {
        Instant now = clock.instant();
        List<Long> held = lifecycle.inRoom();
        notBefore.keySet().retainAll(held);
        for (long id : held) {
            Instant wait = notBefore.get(id);
            if (control.sitsIn(RoomNames.of(id)) || (wait != null && wait.isAfter(now))) {
                continue;
            }
            Meeting m = lifecycle.meeting(id).orElse(null);
            if (m != null && (m.status() == MeetingStatus.READY || m.status() == MeetingStatus.LIVE)) {
                if (enter(m)) {
                    notBefore.remove(id);
                } else {
                    notBefore.put(id, now.plus(RETRY_AFTER));
                }
            }
        }
    }

    /**
     * Re-enters the meeting's room unless HoiNghi sits in it already; true when it sits there now. A failure is
     * logged, not thrown: the step that needed the room then fails on its own terms ("not-joined") and its retry
     * policy applies.
     */
    public boolean enter(Meeting m) {
        String room = RoomNames.of(m.id());
        if (control.sitsIn(room)) {
            return true;
        }
        try {
            control.prepare(PrepareHandler.spec(m), config.getPrepareTimeout());
            LOG.info("re-entered room {} of meeting {} (this process was not in it)", room, m.id());
            return true;
        } catch (ProvisioningException e) {
            LOG.warn("could not re-enter room {} of meeting {}: {} {}", room, m.id(), e.condition(), e.getMessage());
            return false;
        }
    }
}
