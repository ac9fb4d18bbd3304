package vn.hoinghi.orchestrator.demo;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.orchestrator.provisioning.ConferenceControl;
import vn.hoinghi.orchestrator.provisioning.DisconnectedConferenceControl;
import vn.hoinghi.orchestrator.provisioning.ProvisioningException;
import vn.hoinghi.orchestrator.provisioning.RoomSpec;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo's stand-in for Jicofo and its gateways, only while the demo walk runs ({@code hoinghi.demo.walk}): the
 * demo has no Jitsi, so without it every prepare and dial fails as "xmpp-disabled" and no meeting could be seen
 * going through its life. Rooms are "prepared" at once and dials connect, except the room system of
 * {@link #REFUSES_VIDEO}, which refuses video like a busy codec, so the real dial policy falls back to audio.
 * Everything the orchestrator decides (jobs, retries, fallback, state) is its own code; only Jitsi's answers are
 * simulated, and the log says so.
 */
@Singleton
@Requires(property = "hoinghi.demo.walk", value = "true")
@Replaces(DisconnectedConferenceControl.class)
public class SimulatedFleet implements ConferenceControl {
    static final String REFUSES_VIDEO = "STP-HPG";
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedFleet.class);
    private final Set<String> rooms = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sessions = new AtomicInteger();

    @Override
    public PreparedRoom prepare(RoomSpec spec, Duration timeout) {
        rooms.add(spec.room());
        LOG.info("simulated Jicofo: room {} ready", spec.room());
        return new PreparedRoom(spec.room() + "@conference.demo.hoinghi.vn", "focus@auth.demo.hoinghi.vn");
    }

    @Override
    public CallHandle dialVideo(String room, String sipAddress, String displayName, Duration timeout)
            throws ProvisioningException {
        if (sipAddress.toLowerCase(Locale.ROOT).contains(REFUSES_VIDEO.toLowerCase(Locale.ROOT))) {
            LOG.info("simulated Jibri SIP gateway: {} refuses video", sipAddress);
            throw new ProvisioningException(ProvisioningException.Kind.PERMANENT, "service-unavailable",
                    "simulated: the room system refuses video (codec busy)");
        }
        return call(room, CallHandle.Kind.JIBRI_SIP, sipAddress);
    }

    @Override
    public CallHandle dialAudio(String room, String sipUri, String callerId, Duration timeout) {
        return call(room, CallHandle.Kind.JIGASI_AUDIO, sipUri);
    }

    private CallHandle call(String room, CallHandle.Kind kind, String target) {
        LOG.info("simulated {}: {} connected in {}", kind, target, room);
        return new CallHandle(room, kind, target, "simulated-" + sessions.incrementAndGet());
    }

    @Override
    public void hangUp(CallHandle call) {
        LOG.info("simulated hang-up of {}", call.target());
    }

    @Override
    public void release(String room) {
        rooms.remove(room);
    }

    @Override
    public boolean sitsIn(String room) {
        return rooms.contains(room);
    }
}
