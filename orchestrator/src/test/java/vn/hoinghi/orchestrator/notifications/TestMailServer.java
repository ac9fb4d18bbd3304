package vn.hoinghi.orchestrator.notifications;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real SMTP server in the test JVM: GreenMail (which stores and reads back every message) behind
 * {@link StartTlsRelay} (which offers and requires STARTTLS with a certificate made for the test by the JDK's
 * {@code keytool}). The orchestrator is pointed at the relay and told to trust exactly that certificate.
 */
public final class TestMailServer implements AutoCloseable {
    private static final char[] PASSWORD = "test-only".toCharArray();
    final GreenMail greenMail;
    final StartTlsRelay relay;
    final Path certificatePem;

    TestMailServer() throws Exception {
        Path dir = Files.createTempDirectory("hoinghi-smtp");
        Path keystore = dir.resolve("smtp.p12");
        certificatePem = dir.resolve("smtp.pem");
        keytool("-genkeypair", "-alias", "smtp", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", new String(PASSWORD));
        keytool("-exportcert", "-rfc", "-alias", "smtp", "-keystore", keystore.toString(),
                "-storepass", new String(PASSWORD), "-file", certificatePem.toString());
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        relay = new StartTlsRelay(greenMail.getSmtp().getPort(), keystore, PASSWORD);
    }

    /** What the orchestrator needs to send through this server. */
    Map<String, Object> properties() {
        Map<String, Object> p = new HashMap<>();
        p.put("hoinghi.notifications.smtp.host", "127.0.0.1");
        p.put("hoinghi.notifications.smtp.port", relay.port());
        p.put("hoinghi.notifications.smtp.trusted-certificates", certificatePem.toString());
        p.put("hoinghi.notifications.from", "hoinghi@btp.gov.vn");
        return p;
    }

    List<MimeMessage> received() {
        return Arrays.asList(greenMail.getReceivedMessages());
    }

    public static void keytool(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool could not make the test certificate: " + out);
        }
    }

    @Override
    public void close() throws Exception {
        relay.close();
        greenMail.stop();
    }
}
