package vn.hoinghi.orchestrator.provisioning.xmpp;

import vn.hoinghi.orchestrator.platform.crypto.PemTrust;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.X509TrustManager;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;

/**
 * Which STARTTLS certificates the orchestrator accepts from Prosody ({@code hoinghi.xmpp.trusted-certificates}),
 * and how a refused one is explained. Smack still checks that the certificate names the XMPP domain.
 */
final class XmppTrust {
    private XmppTrust() {
    }

    /** A trust manager for exactly the PEM file's certificates, or null for the JVM's defaults ({@link PemTrust}). */
    static X509TrustManager of(String pemFile) {
        return PemTrust.trustManager("hoinghi.xmpp.trusted-certificates", pemFile);
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
