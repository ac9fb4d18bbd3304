package vn.hoinghi.orchestrator.records;

import jakarta.inject.Singleton;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;

/**
 * The records' signing key and certificate, from a PKCS#12 keystore (what a government CA issues): path, alias and
 * password from {@code hoinghi.records.*}; the password is never logged. With {@code create-self-signed} (the demo,
 * tests) a missing keystore is made: RSA 3072, self-signed, ten years.
 */
@Singleton
public class SigningKey {
    private static final Logger LOG = LoggerFactory.getLogger(SigningKey.class);
    private final RecordsConfig config;
    private final Clock clock;
    private volatile Loaded loaded;

    record Loaded(PrivateKey key, X509Certificate cert) {
    }

    public SigningKey(RecordsConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Whether records can be sealed at all: a keystore is configured (or may be created). */
    public boolean configured() {
        return config.getKeystore() != null && !config.getKeystore().isBlank();
    }

    public PrivateKey key() {
        return load().key();
    }

    public X509Certificate certificate() {
        return load().cert();
    }

    private Loaded load() {
        Loaded l = loaded;
        if (l == null) {
            synchronized (this) {
                if (loaded == null) {
                    loaded = read();
                }
                l = loaded;
            }
        }
        return l;
    }

    private Loaded read() {
        if (!configured()) {
            throw new IllegalStateException("hoinghi.records.keystore is not set: records cannot be sealed");
        }
        Path path = Path.of(config.getKeystore());
        char[] password = password();
        try {
            if (!Files.exists(path) && config.isCreateSelfSigned()) {
                createSelfSigned(path, password);
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(path)) {
                ks.load(in, password);
            }
            PrivateKey key = (PrivateKey) ks.getKey(config.getAlias(), password);
            Certificate cert = ks.getCertificate(config.getAlias());
            if (key == null || !(cert instanceof X509Certificate x509)) {
                throw new IllegalStateException("no key and certificate under alias " + config.getAlias() + " in "
                        + path);
            }
            LOG.info("records are signed as {}", x509.getSubjectX500Principal().getName());
            return new Loaded(key, x509);
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the records keystore " + path + ": " + e.getMessage(), e);
        }
    }

    private char[] password() {
        String p = config.getKeystorePassword();
        return p == null ? new char[0] : p.toCharArray();
    }

    private void createSelfSigned(Path path, char[] password) throws java.io.IOException,
            java.security.GeneralSecurityException {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(3072, new SecureRandom());
        KeyPair pair = gen.generateKeyPair();
        X500Name name = new X500Name("CN=HoiNghi demo records,O=HoiNghi demo - self-signed - not a ministry CA,C=VN");
        Date from = Date.from(clock.instant().minus(Duration.ofDays(1)));
        Date to = Date.from(clock.instant().plus(Duration.ofDays(3650)));
        var builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, new SecureRandom()), from, to, name,
                pair.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        X509Certificate cert;
        try {
            cert = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new java.security.GeneralSecurityException(e);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(config.getAlias(), pair.getPrivate(), password, new Certificate[] {cert});
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        try (OutputStream out = Files.newOutputStream(path)) {
            ks.store(out, password);
        }
        LOG.warn("created a SELF-SIGNED records key at {}: fine for a demo, replace it with the ministry CA's", path);
    }
}
