package vn.hoinghi.orchestrator.platform.crypto;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * TLS that trusts exactly the certificates of a PEM file (and what they sign): Jitsi's Prosody and a ministry's mail
 * server often have self-signed or internal-CA certificates that the JVM's trust store does not know.
 */
public final class PemTrust {
    private PemTrust() {
    }

    /**
     * A trust manager for the file's certificates, or null for the JVM's defaults when no file is configured.
     *
     * @param setting the configuration key, named in errors
     * @throws IllegalStateException when the file is missing, unreadable or holds no certificate: a process that was
     *                               told whom to trust must not start trusting someone else
     */
    public static X509TrustManager trustManager(String setting, String pemFile) {
        if (pemFile == null || pemFile.isBlank()) {
            return null;
        }
        try {
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            int n = 0;
            for (X509Certificate c : certificates(pemFile)) {
                anchors.setCertificateEntry("trusted-" + n++, c);
            }
            if (n == 0) {
                throw new IllegalStateException(setting + ": no certificate in " + pemFile);
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
            throw new IllegalStateException(setting + ": cannot read " + pemFile + ": " + e, e);
        }
    }

    /** Every certificate in a PEM file, in file order (none when it holds none). */
    public static List<X509Certificate> certificates(String pemFile) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(Path.of(pemFile))) {
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) c); // an X.509 factory yields nothing else
            }
            return out;
        }
    }

    /** A socket factory trusting the file's certificates, or null for the JVM's defaults (see {@link #trustManager}). */
    public static SSLSocketFactory socketFactory(String setting, String pemFile) {
        X509TrustManager trust = trustManager(setting, pemFile);
        if (trust == null) {
            return null;
        }
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[]{trust}, null);
            return tls.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(setting + ": " + e, e);
        }
    }
}
