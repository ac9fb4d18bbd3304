package vn.hoinghi.orchestrator.notifications;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The STARTTLS front of the test mail server. GreenMail 2.1 speaks SMTP and SMTPS but not STARTTLS (RFC 3207), so
 * this relay answers the greeting and EHLO from GreenMail adding {@code 250 STARTTLS}, refuses mail before TLS
 * ({@code 530}, as a submission server must), turns the connection into TLS with a throw-away certificate on
 * {@code STARTTLS}, and from then on passes every command to GreenMail, which stores the message. Like a real
 * server it can refuse a recipient: {@link #refuse} answers its {@code RCPT TO} with the given reply.
 */
final class StartTlsRelay implements AutoCloseable {
    private final ServerSocket server;
    private final int upstreamPort;
    private final SSLContext tls;
    /** Lower-case address → SMTP reply given to its RCPT TO instead of passing it on. */
    final Map<String, String> refuse = new ConcurrentHashMap<>();
    final AtomicInteger tlsSessions = new AtomicInteger();
    final AtomicInteger plainMailRefused = new AtomicInteger();

    StartTlsRelay(int upstreamPort, Path pkcs12, char[] password) throws Exception {
        this.upstreamPort = upstreamPort;
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pkcs12)) {
            keys.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password);
        tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "starttls-relay");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread t = new Thread(() -> serve(client), "starttls-relay-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket plain) {
        try (plain; Socket up = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            InputStream upIn = up.getInputStream();
            OutputStream upOut = up.getOutputStream();
            InputStream in = plain.getInputStream();
            OutputStream out = plain.getOutputStream();
            write(out, reply(upIn));
            while (true) {
                String line = line(in);
                if (line == null) {
                    return;
                }
                String verb = line.length() < 4 ? line.toUpperCase(Locale.ROOT) : line.substring(0, 4).toUpperCase(Locale.ROOT);
                if (verb.equals("EHLO")) {
                    write(upOut, line + "\r\n");
                    String r = reply(upIn).replace("250 ", "250-");
                    write(out, r + "250 STARTTLS\r\n");
                } else if (line.equalsIgnoreCase("STARTTLS")) {
                    write(out, "220 2.0.0 Ready to start TLS\r\n");
                    SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(plain, null, plain.getPort(), false);
                    secure.setUseClientMode(false);
                    secure.startHandshake();
                    tlsSessions.incrementAndGet();
                    relaySecure(secure, upIn, upOut);
                    return;
                } else if (verb.equals("QUIT")) {
                    write(out, "221 2.0.0 Bye\r\n");
                    return;
                } else {
                    plainMailRefused.incrementAndGet();
                    write(out, "530 5.7.0 Must issue a STARTTLS command first\r\n");
                }
            }
        } catch (IOException e) {
            // the client went away; nothing to clean up beyond the sockets
        }
    }

    /** After STARTTLS: commands pass to GreenMail in lock-step, except refused recipients. */
    private void relaySecure(SSLSocket secure, InputStream upIn, OutputStream upOut) throws IOException {
        InputStream in = secure.getInputStream();
        OutputStream out = secure.getOutputStream();
        boolean data = false;
        while (true) {
            String line = line(in);
            if (line == null) {
                return;
            }
            if (data) {
                write(upOut, line + "\r\n");
                if (line.equals(".")) {
                    data = false;
                    write(out, reply(upIn));
                }
                continue;
            }
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.startsWith("RCPT TO:")) {
                String address = line.substring(line.indexOf('<') + 1, line.indexOf('>')).toLowerCase(Locale.ROOT);
                String refusal = refuse.get(address);
                if (refusal != null) {
                    write(out, refusal + "\r\n");
                    continue;
                }
            }
            write(upOut, line + "\r\n");
            String r = reply(upIn);
            write(out, r);
            if (upper.equals("DATA") && r.startsWith("354")) {
                data = true;
            }
            if (upper.equals("QUIT")) {
                return;
            }
        }
    }

    /** A whole SMTP reply (all its lines, the last one having a space after the code). */
    private static String reply(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        while (true) {
            String l = line(in);
            if (l == null) {
                throw new IOException("upstream closed");
            }
            b.append(l).append("\r\n");
            if (l.length() < 4 || l.charAt(3) == ' ') {
                return b.toString();
            }
        }
    }

    /** One line, read byte by byte so nothing after it (the TLS handshake) is consumed. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.UTF_8);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
