package vn.hoinghi.orchestrator.provisioning;

/** A control-plane step that failed, with whether retrying can help and the reason to show an operator. */
public class ProvisioningException extends Exception {
    public enum Kind {
        /** Timeout, no bridge/gateway free right now, connection down: retry with backoff. */
        TRANSIENT,
        /** Refused for good (forbidden, bad address, already active for that address): do not retry. */
        PERMANENT
    }

    /**
     * The condition of a Jibri SIP start refused because Jicofo already has a session, pending or on, for that
     * address in that room (its {@code unexpected-request}): the site is being or has been called, so this is
     * neither a failure to retry nor one to fall back from.
     */
    public static final String ALREADY_ACTIVE = "already-active";

    private final Kind kind;
    private final String condition;

    /** @param condition the XMPP error condition or local cause, e.g. {@code resource-constraint}, {@code timeout} */
    public ProvisioningException(Kind kind, String condition, String message) {
        super(message);
        this.kind = kind;
        this.condition = condition;
    }

    public Kind kind() {
        return kind;
    }

    public String condition() {
        return condition;
    }
}
