package vn.hoinghi.orchestrator.notifications;

import jakarta.activation.DataHandler;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.orchestrator.platform.crypto.PemTrust;

import java.io.UnsupportedEncodingException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * E-mail over SMTP submission with STARTTLS through Jakarta Mail (Eclipse Angus). One connection serves a round
 * of messages; a failed one is dropped and the next message opens a new one. The server's certificate is checked
 * against {@code trusted-certificates} or the JVM's trust store, and its name against the configured host.
 */
@Singleton
public class SmtpEmailSender implements EmailSender {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpEmailSender.class);
    private final SmtpConfig smtp;
    private final NotificationConfig config;
    private Session session;
    private Transport transport;

    public SmtpEmailSender(SmtpConfig smtp, NotificationConfig config) {
        this.smtp = smtp;
        this.config = config;
    }

    @Override
    public synchronized void send(Email email) throws SendFailure {
        InternetAddress to;
        try {
            to = new InternetAddress(email.to(), true);
        } catch (AddressException e) {
            throw new SendFailure(true, "bad address: " + e.getMessage(), e);
        }
        try {
            MimeMessage message = message(email, to);
            if (transport == null || !transport.isConnected()) {
                transport = session().getTransport("smtp");
                // No user and password at all without a login: Angus tries AUTH whenever both are non-null.
                boolean login = smtp.getUsername() != null && !smtp.getUsername().isBlank();
                transport.connect(smtp.getHost(), smtp.getPort(), login ? smtp.getUsername() : null,
                        login ? smtp.getPassword() : null);
            }
            transport.sendMessage(message, new InternetAddress[]{to});
        } catch (MessagingException e) {
            SendFailure failure = SmtpFailures.classify(e);
            if (!failure.permanent()) {
                close();
            }
            throw failure;
        }
    }

    @Override
    public synchronized void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.debug("closing the SMTP connection: {}", e.toString());
            }
            transport = null;
        }
    }

    private MimeMessage message(Email email, InternetAddress to) throws MessagingException {
        String messageId = email.messageId();
        MimeMessage m = new MimeMessage(session()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                // Stable per delivery: a message repeated after a crash carries the same Message-ID.
                setHeader("Message-ID", messageId);
            }
        };
        try {
            m.setFrom(new InternetAddress(config.getFrom(), config.getFromName(), "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        m.setRecipient(Message.RecipientType.TO, to);
        m.setSubject(email.subject(), "UTF-8");
        m.setHeader("Auto-Submitted", "auto-generated");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.text(), "UTF-8", "plain");
        MimeMultipart parts = new MimeMultipart("mixed");
        parts.addBodyPart(text);
        if (email.ics() != null) {
            MimeBodyPart ics = new MimeBodyPart();
            ics.setDataHandler(new DataHandler(new ByteArrayDataSource(email.ics().getBytes(StandardCharsets.UTF_8),
                    "text/calendar; charset=UTF-8; method=PUBLISH")));
            ics.setFileName(email.icsFileName());
            parts.addBodyPart(ics);
        }
        m.setContent(parts);
        m.setSentDate(new java.util.Date());
        m.saveChanges();
        return m;
    }

    private Session session() {
        if (session == null) {
            session = Session.getInstance(properties());
        }
        return session;
    }

    /** TLS from the first byte with {@code tls: implicit}; else STARTTLS is required unless the server is on this machine and {@code require-starttls} is off. */
    Properties properties() {
        if (smtp.getHost() == null || smtp.getHost().isBlank()) {
            throw new IllegalStateException("hoinghi.notifications.smtp.host is not set");
        }
        boolean implicit = smtp.isImplicitTls();
        boolean tls = !implicit && (smtp.isRequireStarttls() || !isLoopback(smtp.getHost()));
        if (!implicit && !smtp.isRequireStarttls() && tls) {
            LOG.warn("hoinghi.notifications.smtp.require-starttls=false ignored: {} is not this machine",
                    smtp.getHost());
        }
        Properties p = new Properties();
        p.put("mail.smtp.host", smtp.getHost());
        p.put("mail.smtp.port", Integer.toString(smtp.getPort()));
        p.put("mail.smtp.starttls.enable", Boolean.toString(tls));
        p.put("mail.smtp.starttls.required", Boolean.toString(tls));
        // Implicit TLS: the same transport, wrapped in TLS before the greeting; the checks below apply alike.
        p.put("mail.smtp.ssl.enable", Boolean.toString(implicit));
        p.put("mail.smtp.ssl.checkserveridentity", "true");
        p.put("mail.smtp.ssl.protocols", "TLSv1.3 TLSv1.2");
        p.put("mail.smtp.auth", Boolean.toString(smtp.getUsername() != null && !smtp.getUsername().isBlank()));
        p.put("mail.smtp.connectiontimeout", Long.toString(smtp.getConnectTimeout().toMillis()));
        p.put("mail.smtp.timeout", Long.toString(smtp.getTimeout().toMillis()));
        p.put("mail.smtp.writetimeout", Long.toString(smtp.getTimeout().toMillis()));
        p.put("mail.smtp.from", config.getFrom());
        p.put("mail.mime.charset", "UTF-8");
        var factory = PemTrust.socketFactory("hoinghi.notifications.smtp.trusted-certificates",
                smtp.getTrustedCertificates());
        if (factory != null) {
            p.put("mail.smtp.ssl.socketFactory", factory);
        }
        return p;
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
