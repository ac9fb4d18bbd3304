package vn.hoinghi.orchestrator.provisioning.xmpp;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.hoinghi.orchestrator.platform.crypto.PemTrust;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;

/**
 * {@code hoinghi_tls_certificate_expiry_timestamp_seconds{certificate="xmpp_trusted"}}: the earliest notAfter in
 * {@code hoinghi.xmpp.trusted-certificates}, read at each scrape (a renewed file shows at once). In the Debian
 * layout that file is Prosody's own self-signed certificate, so its expiry is the day the orchestrator stops
 * logging in. Absent when no file is configured (the JVM's trust store is the operating system's concern);
 * NaN when the file cannot be read. The public HTTPS certificates are the blackbox exporter's
 * {@code probe_ssl_earliest_cert_expiry}.
 */
@Singleton
public class XmppCertificateMetrics implements MeterBinder {
    private static final Logger LOG = LoggerFactory.getLogger(XmppCertificateMetrics.class);
    private final String pemFile;

    public XmppCertificateMetrics(@Nullable @Value("${hoinghi.xmpp.trusted-certificates:}") String pemFile) {
        this.pemFile = pemFile;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        if (pemFile == null || pemFile.isBlank()) {
            return;
        }
        Gauge.builder("hoinghi.tls.certificate.expiry.timestamp", this, XmppCertificateMetrics::earliestExpiry)
                .baseUnit("seconds").tag("certificate", "xmpp_trusted")
                .description("Earliest notAfter (Unix time) of the certificates HoiNghi trusts for Prosody's STARTTLS")
                .register(registry);
    }

    private double earliestExpiry() {
        try {
            double earliest = Double.NaN;
            for (X509Certificate c : PemTrust.certificates(pemFile)) {
                double at = c.getNotAfter().getTime() / 1000.0;
                earliest = Double.isNaN(earliest) ? at : Math.min(earliest, at);
            }
            return earliest;
        } catch (IOException | GeneralSecurityException e) {
            LOG.warn("cannot read {} for its expiry: {}", pemFile, e.toString());
            return Double.NaN;
        }
    }
}
