package vn.hoinghi.orchestrator.notifications;

/** A message that did not go out; {@code permanent} ones (a refused address) are not tried again. */
public class SendFailure extends Exception {
    private final boolean permanent;

    public SendFailure(boolean permanent, String reason, Throwable cause) {
        super(reason, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
