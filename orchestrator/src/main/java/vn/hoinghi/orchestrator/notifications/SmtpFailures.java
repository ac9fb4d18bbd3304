package vn.hoinghi.orchestrator.notifications;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Which SMTP failures are the recipient's (a refused mailbox: recorded, not retried) and which are passing (a busy
 * or unreachable server, a 4xx answer: retried with backoff). RFC 5321: 5xx is permanent, 4xx transient.
 */
final class SmtpFailures {
    private SmtpFailures() {
    }

    static SendFailure classify(MessagingException e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException me ? me.getNextException() : null) {
            if (x instanceof SMTPAddressFailedException a) {
                return new SendFailure(a.getReturnCode() >= 500, "SMTP " + a.getReturnCode() + " for "
                        + a.getAddress() + ": " + oneLine(a.getMessage()), e);
            }
            if (x instanceof SMTPSendFailedException s && s.getReturnCode() > 0) {
                return new SendFailure(s.getReturnCode() >= 500, "SMTP " + s.getReturnCode() + ": "
                        + oneLine(s.getMessage()), e);
            }
        }
        if (e instanceof SendFailedException s && s.getInvalidAddresses() != null
                && s.getInvalidAddresses().length > 0
                && (s.getValidUnsentAddresses() == null || s.getValidUnsentAddresses().length == 0)) {
            return new SendFailure(true, "address refused: " + oneLine(e.getMessage()), e);
        }
        if (e instanceof AuthenticationFailedException) {
            // The server's or our configuration, not the recipient's: keep the message until it is fixed.
            return new SendFailure(false, "SMTP login refused (check hoinghi.notifications.smtp.username/password): "
                    + oneLine(e.getMessage()), e);
        }
        return new SendFailure(false, oneLine(rootMessage(e)), e);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == t ? String.valueOf(t.getMessage()) : t.getMessage() + " (" + root + ")";
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}
