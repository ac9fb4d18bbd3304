package vn.hoinghi.orchestrator.provisioning.xmpp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away self-signed certificate and key (PEM) for the test Prosody, made by the machine's {@code openssl}
 * (installed by .ci/run): what the Debian jitsi-meet packages generate for a fresh deployment, and what a real
 * orchestrator must be told to trust. A missing openssl fails the test.
 */
final class SelfSignedCertificate {
    private SelfSignedCertificate() {
    }

    /** A certificate for {@code names} (DNS subject alternative names; the first is also the CN), valid 2 days. */
    static ProsodyServer.Tls create(Path dir, String... names) throws IOException, InterruptedException {
        Path cert = dir.resolve(names[0] + ".crt");
        Path key = dir.resolve(names[0] + ".key");
        List<String> san = new ArrayList<>();
        for (String name : names) {
            san.add("DNS:" + name);
        }
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", "/CN=" + names[0],
                "-addext", "subjectAltName=" + String.join(",", san),
                "-keyout", key.toString(), "-out", cert.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("openssl could not make a test certificate: " + out);
        }
        return new ProsodyServer.Tls(cert, key);
    }
}
