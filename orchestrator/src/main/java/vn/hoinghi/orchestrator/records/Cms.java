package vn.hoinghi.orchestrator.records;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * Detached CMS SignedData (RFC 5652) over a record's canonical bytes: the format {@code openssl cms -verify} and
 * the e-signature tools of a government CA read. Framework-free, so the offline CLI uses the very same code.
 * JCA's default providers do the RSA/EC work; BouncyCastle only builds and parses the CMS structure.
 */
public final class Cms {
    private Cms() {
    }

    public static byte[] sign(byte[] content, PrivateKey key, X509Certificate cert) {
        try {
            String alg = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder(alg).build(key), cert));
            gen.addCertificates(new JcaCertStore(List.of(cert)));
            return gen.generate(new CMSProcessableByteArray(content), false).getEncoded();
        } catch (OperatorCreationException | CertificateException | CMSException | IOException e) {
            throw new IllegalStateException("cannot sign the record: " + e.getMessage(), e);
        }
    }

    /** Null when the signature over {@code content} was made by {@code cert}'s key; otherwise why not. */
    public static String verify(byte[] content, byte[] signature, X509Certificate cert) {
        try {
            CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(content), signature);
            Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
            if (signers.isEmpty()) {
                return "no signer in the signature";
            }
            X509CertificateHolder expected = new X509CertificateHolder(cert.getEncoded());
            for (SignerInformation s : signers) {
                if (!s.getSID().match(expected)) {
                    return "signed by another certificate (" + s.getSID().getIssuer() + ")";
                }
                if (!s.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert))) {
                    return "signature does not match the content";
                }
            }
            return null;
        } catch (CMSException e) {
            // BouncyCastle reports a digest mismatch as an exception, not as false.
            return "signature does not match the content: " + e.getMessage();
        } catch (OperatorCreationException | CertificateException | IOException | RuntimeException e) {
            return "unreadable signature: " + e.getMessage();
        }
    }

    public static String pem(X509Certificate cert) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(cert.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    public static X509Certificate certificate(byte[] pemOrDer) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pemOrDer));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not an X.509 certificate: " + e.getMessage(), e);
        }
    }
}
