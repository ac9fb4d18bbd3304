package vn.hoinghi.orchestrator.provisioning;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Duration;

/** {@link ConferenceControl} over {@link FakeFleet}, for job-runner tests (the XMPP side has its own tests). */
@Singleton
@Requires(property = "test.fake-fleet", value = "true")
@Replaces(ConferenceControl.class)
public class FakeConferenceControl implements ConferenceControl {
    private final RoomEvents events;

    public FakeConferenceControl(RoomEvents events) {
        this.events = events;
    }

    @Override
    public PreparedRoom prepare(RoomSpec spec, Duration timeout) throws ProvisioningException {
        if ("prepare".equals(FakeFleet.crashOn)) {
            FakeFleet.crashOn = null;
            throw new FakeFleet.Crash("while preparing " + spec.room());
        }
        ProvisioningException failure = FakeFleet.prepareFailure.apply(spec.room());
        if (failure != null) {
            throw failure;
        }
        FakeFleet.ROOMS.put(spec.room(), true);
        return new PreparedRoom(spec.room() + "@conference.hoinghi.test", "focus@auth.hoinghi.test");
    }

    @Override
    public CallHandle dialVideo(String room, String sipAddress, String displayName, Duration timeout)
            throws ProvisioningException {
        return dial("VIDEO", room, sipAddress, FakeFleet.videoFailure.apply(sipAddress), CallHandle.Kind.JIBRI_SIP);
    }

    @Override
    public CallHandle dialAudio(String room, String sipUri, String callerId, Duration timeout)
            throws ProvisioningException {
        return dial("AUDIO", room, sipUri, FakeFleet.audioFailure.apply(sipUri), CallHandle.Kind.JIGASI_AUDIO);
    }

    private CallHandle dial(String how, String room, String target, ProvisioningException failure,
                            CallHandle.Kind kind) throws ProvisioningException {
        if ("before-dial".equals(FakeFleet.crashOn)) {
            FakeFleet.crashOn = null;
            throw new FakeFleet.Crash("before dialling " + target);
        }
        if (failure != null) {
            throw failure;
        }
        FakeFleet.DIALS.add(how + " " + room + " " + target);
        if ("after-dial".equals(FakeFleet.crashOn)) {
            // The gateway placed the call, then the orchestrator died before writing that down. Jicofo keeps
            // reporting the call in the focus's presence; a restarted orchestrator sees it on rejoining.
            FakeFleet.crashOn = null;
            FakeFleet.ROOMS.put(room + "#call", true);
            throw new FakeFleet.Crash("after dialling " + target);
        }
        return new CallHandle(room, kind, target, "session-" + FakeFleet.DIALS.size());
    }

    /** What a restarted orchestrator learns from the focus's presence when it rejoins a room. */
    public void replayCallStates(String room, String target) {
        events.sipCallState(room, target, "session-replayed", "on", null, FakeFleet.CLOCK.instant());
    }

    @Override
    public void hangUp(CallHandle call) {
        FakeFleet.HANGUPS.add(call.target());
    }

    @Override
    public void release(String room) {
        FakeFleet.ROOMS.remove(room);
    }

    /** The fake has one notion of a room for every process: prepared and not yet released. */
    @Override
    public boolean sitsIn(String room) {
        return FakeFleet.ROOMS.containsKey(room);
    }
}
