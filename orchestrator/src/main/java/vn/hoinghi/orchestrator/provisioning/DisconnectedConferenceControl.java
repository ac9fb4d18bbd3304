package vn.hoinghi.orchestrator.provisioning;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Stands in while no XMPP connection is configured ({@code hoinghi.xmpp.enabled=false}, e.g. the demo): every
 * step fails as transient, so jobs retry and then raise an operator alert instead of pretending to succeed.
 */
@Singleton
@Secondary
public class DisconnectedConferenceControl implements ConferenceControl {
    private static ProvisioningException down() {
        return new ProvisioningException(ProvisioningException.Kind.TRANSIENT, "xmpp-disabled",
                "no XMPP connection to the Jitsi fleet is configured (hoinghi.xmpp.enabled=false)");
    }

    @Override
    public PreparedRoom prepare(RoomSpec spec, Duration timeout) throws ProvisioningException {
        throw down();
    }

    @Override
    public CallHandle dialVideo(String room, String sipAddress, String displayName, Duration timeout)
            throws ProvisioningException {
        throw down();
    }

    @Override
    public CallHandle dialAudio(String room, String sipUri, String callerId, Duration timeout)
            throws ProvisioningException {
        throw down();
    }

    @Override
    public void hangUp(CallHandle call) throws ProvisioningException {
        throw down();
    }

    @Override
    public void release(String room) {
        // Nothing to leave.
    }

    @Override
    public boolean sitsIn(String room) {
        return false;
    }
}
