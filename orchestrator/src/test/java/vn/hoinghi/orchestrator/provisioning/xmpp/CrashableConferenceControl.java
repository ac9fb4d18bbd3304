package vn.hoinghi.orchestrator.provisioning.xmpp;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.jxmpp.stringprep.XmppStringprepException;
import vn.hoinghi.orchestrator.provisioning.FakeFleet;
import vn.hoinghi.orchestrator.provisioning.ProvisioningException;
import vn.hoinghi.orchestrator.provisioning.RoomEvents;

import java.time.Clock;
import java.time.Duration;

/**
 * The real {@link XmppConferenceControl}, except that the process can be made to die right after a Jibri SIP
 * start went out and was answered, before the runner writes the answer down: the worst moment for a restart,
 * since the site is being called and only the gateway knows it.
 */
@Singleton
@Primary
@Replaces(XmppConferenceControl.class)
@Requires(property = "test.crashable-control", value = "true")
class CrashableConferenceControl extends XmppConferenceControl {
    /** Set to a SIP address: the next video dial to it reaches Jibri, then the process "dies". */
    static volatile String crashAfterDialling;

    CrashableConferenceControl(XmppSession session, RoomEvents events, Clock clock) throws XmppStringprepException {
        super(session, events, clock);
    }

    @Override
    public CallHandle dialVideo(String room, String sipAddress, String displayName, Duration timeout)
            throws ProvisioningException {
        CallHandle call = super.dialVideo(room, sipAddress, displayName, timeout);
        if (sipAddress.equals(crashAfterDialling)) {
            crashAfterDialling = null;
            throw new FakeFleet.Crash("after Jibri took the call to " + sipAddress);
        }
        return call;
    }
}
