package vn.hoinghi.orchestrator.notifications;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

/** TLS that trusts exactly the certificates of a PEM file ({@code hoinghi.notifications.smtp.trusted-certificates}). */
final class PemTrust {
    private PemTrust() {
    }

    /**
     * A socket factory trusting the file's certificates (and what they sign), or null for the JVM's defaults.
     *
     * @throws IllegalStateException when the file is unreadable or empty: told whom to trust, never trust others
     */
    static SSLSocketFactory socketFactory(String pemFile) {
        if (pemFile == null || pemFile.isBlank()) {
            return null;
        }
        try (InputStream in = Files.newInputStream(Path.of(pemFile))) {
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            int n = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                anchors.setCertificateEntry("smtp-" + n++, c);
            }
            if (n == 0) {
                throw new IllegalStateException("no certificate in " + pemFile);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(anchors);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return tls.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("hoinghi.notifications.smtp.trusted-certificates: cannot read "
                    + pemFile + ": " + e, e);
        }
    }
}
