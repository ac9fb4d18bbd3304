package vn.hoinghi.orchestrator.notifications;

/**
 * Sends a short text to a phone: SMS or Zalo. The place to add a gateway: implement this interface in a
 * {@code @Singleton} annotated {@code @Primary} (for example calling the operator's SMS brandname API or the
 * Zalo Official Account ZNS API over HTTPS) and set {@code hoinghi.notifications.text-messages: true}; the logging
 * implementation then steps aside. Throw {@link SendFailure} with {@code permanent = true} for a number the
 * gateway refuses, {@code false} for anything worth retrying.
 */
public interface TextMessageSender {
    void send(String phone, String text) throws SendFailure;
}
