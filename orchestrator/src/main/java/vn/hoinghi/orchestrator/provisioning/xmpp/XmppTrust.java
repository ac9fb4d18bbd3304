package vn.hoinghi.orchestrator.provisioning.xmpp;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;

/**
 * Which STARTTLS certificates the orchestrator accepts from Prosody ({@code hoinghi.xmpp.trusted-certificates}),
 * and how a refused one is explained. Smack still checks that the certificate names the XMPP domain.
 */
final class XmppTrust {
    private XmppTrust() {
    }

    /**
     * A trust manager that accepts exactly the certificates in the PEM file (and what they sign), or null for the
     * JVM's defaults when no file is configured.
     *
     * @throws IllegalStateException when the file is missing, unreadable or holds no certificate: an orchestrator
     *                               that was told whom to trust must not start trusting someone else
     */
    static X509TrustManager of(String pemFile) {
        if (pemFile == null || pemFile.isBlank()) {
            return null;
        }
        try (InputStream in = Files.newInputStream(Path.of(pemFile))) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalStateException("hoinghi.xmpp.trusted-certificates: no certificate in " + pemFile);
            }
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            int i = 0;
            for (Certificate c : certificates) {
                anchors.setCertificateEntry("trusted-" + i++, c);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(anchors);
            for (TrustManager tm : factory.getTrustManagers()) {
                if (tm instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("no X.509 trust manager in this JVM");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("hoinghi.xmpp.trusted-certificates: cannot read " + pemFile + ": " + e, e);
        }
    }

    /** Why a connect failed, in words an operator can act on when it is about TLS; otherwise the plain message. */
    static String explain(Exception e, XmppConfig config) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertPathValidatorException || t instanceof CertificateException
                    || t instanceof SSLHandshakeException) {
                return "STARTTLS with " + config.getHost() + ":" + config.getPort() + " refused: the server's "
                        + "certificate is not trusted (" + rootMessage(t) + "); not logging in without TLS. Put its "
                        + "certificate or CA in hoinghi.xmpp.trusted-certificates";
            }
            if (t instanceof org.jivesoftware.smack.SmackException.SecurityRequiredByClientException) {
                return "Prosody at " + config.getHost() + ":" + config.getPort() + " offers no STARTTLS and "
                        + "hoinghi.xmpp.require-tls is on: not logging in without TLS";
            }
        }
        return e.getMessage();
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
