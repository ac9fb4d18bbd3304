package vn.hoinghi.orchestrator.notifications;

/**
 * Sends one e-mail. Implementations may keep a connection open between messages of a round; {@link #close()}
 * ends it.
 */
public interface EmailSender extends AutoCloseable {

    /** A message to one recipient; {@code messageId} is stable per delivery so a repeated one can be recognised. */
    record Email(String to, String subject, String text, String icsFileName, String ics, String messageId) {
    }

    void send(Email email) throws SendFailure;

    @Override
    void close();
}
