package vn.hoinghi.orchestrator.provisioning.xmpp;

import org.jitsi.xmpp.extensions.jitsimeet.IdentityPacketExtension;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Thousands of simulated Jitsi Meet participants over one XEP-0114 component connection to the test Prosody:
 * each is its own full JID ({@code p<n>@crowd.<domain>/web}) and joins the conference MUC with its own nick (the
 * Jitsi endpoint id), so Prosody's MUC treats them as thousands of distinct occupants and broadcasts every presence
 * to every occupant, exactly as it would for thousands of browsers. One Smack connection per participant would cost
 * two threads and a few MB each; one socket here carries them all.
 *
 * <p>What is emulated: jitsi-meet's {@code presence_identity} Prosody module (not part of the Debian Prosody) adds
 * {@code <identity>} from the participant's verified JWT to its presence; here the participant's presence carries
 * that same element, so the orchestrator sees the stanza it would see in production. The stream coming back (every
 * occupant's presence, Jicofo's Jingle offers) is read and discarded; only self-presences (status 110, the MUC's
 * confirmation of a join) are counted. Jingle offers are left unanswered (media is not simulated).
 */
final class ParticipantCrowd implements AutoCloseable {
    private static final Pattern STREAM_ID = Pattern.compile("\\sid=['\"]([^'\"]+)['\"]");
    private static final byte[] SELF = "code='110'".getBytes(StandardCharsets.US_ASCII);
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final Thread drain;
    private final AtomicLong confirmed = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();

    ParticipantCrowd(ProsodyServer prosody) throws IOException {
        socket = new Socket("127.0.0.1", prosody.componentPort());
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = socket.getInputStream();
        send("<stream:stream xmlns='jabber:component:accept' xmlns:stream='http://etherx.jabber.org/streams' to='"
                + ProsodyServer.CROWD + "'>");
        String header = readUntil("<stream:stream", 1) + readUntil(">", 1);
        Matcher id = STREAM_ID.matcher(header);
        if (!id.find()) {
            throw new IOException("no stream id from Prosody: " + header + "\n" + prosody.log());
        }
        send("<handshake>" + sha1Hex(id.group(1) + ProsodyServer.PASSWORD) + "</handshake>");
        String answer = readUntil("handshake", 1);
        if (answer.contains("error")) {
            throw new IOException("component handshake refused: " + answer);
        }
        drain = new Thread(this::drain, "crowd-drain");
        drain.setDaemon(true);
        drain.start();
    }

    /** The endpoint id Jitsi Meet would give participant {@code n}: eight hex digits, a valid MUC nick. */
    static String endpoint(int n) {
        return String.format("%08x", 0x10000000 + n);
    }

    /** Participant {@code n} enters {@code room} as {@link #endpoint(int)}, with its site's identity. */
    void join(String room, int n, String siteCode, String siteName) throws IOException {
        String identity = new IdentityPacketExtension(siteCode, siteName, null, null).toXML().toString();
        send("<presence from='p" + n + "@" + ProsodyServer.CROWD + "/web' to='" + room + "@" + ProsodyServer.MUC
                + "/" + endpoint(n) + "'><x xmlns='http://jabber.org/protocol/muc'/>" + identity + "</presence>");
    }

    /** Joins Prosody has confirmed (self-presence with status 110). */
    long confirmed() {
        return confirmed.get();
    }

    long bytesRead() {
        return bytesRead.get();
    }

    private synchronized void send(String xml) throws IOException {
        out.write(xml.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads the handshake phase (short, before the drain starts) up to the {@code count}-th {@code marker}. */
    private String readUntil(String marker, int count) throws IOException {
        StringBuilder sb = new StringBuilder();
        int seen = 0;
        while (seen < count) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("Prosody closed the component stream: " + sb);
            }
            sb.append((char) b);
            if (sb.length() >= marker.length() && sb.lastIndexOf(marker) == sb.length() - marker.length()) {
                seen++;
            }
        }
        if (marker.equals("handshake")) {
            // up to the end of the element
            for (int b = in.read(); b >= 0 && b != '>'; b = in.read()) {
                sb.append((char) b);
            }
        }
        return sb.toString();
    }

    private void drain() {
        byte[] buf = new byte[1 << 16];
        int matched = 0;
        try {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                bytesRead.addAndGet(n);
                for (int i = 0; i < n; i++) {
                    // a plain pattern match that survives buffer boundaries (the pattern has no repeated prefix)
                    matched = buf[i] == SELF[matched] ? matched + 1 : buf[i] == SELF[0] ? 1 : 0;
                    if (matched == SELF.length) {
                        confirmed.incrementAndGet();
                        matched = 0;
                    }
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    private static String sha1Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            send("</stream:stream>");
        } finally {
            socket.close();
        }
    }
}
