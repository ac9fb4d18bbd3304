package vn.hoinghi.collector.rtcstats;

/** Input that ends the connection; carries the reason it is closed with. No stack trace: it is not a bug. */
public final class ProtocolException extends RuntimeException {

  private final CloseReason reason;

  public ProtocolException(CloseReason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  public CloseReason reason() {
    return reason;
  }
}
