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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    private static final byte[] PRESENCE = "<presence".getBytes(StandardCharsets.US_ASCII);
    /** A ConferenceIq result: its id and the attributes of its {@code <conference>} (Prosody's attribute order varies). */
    private static final Pattern CONFERENCE_REPLY = Pattern.compile(
            "<iq\\b([^>]*)>\\s*<conference\\b([^>]*)>");
    private static final Pattern REQUEST_ID = Pattern.compile("\\sid='cq(\\d+)'");
    private static final Pattern VNODE = Pattern.compile("\\svnode='([^']*)'");
    private final Socket socket;
    private final String domain;
    private final String muc;
    /** Participant number → the visitor node Jicofo sent it to ("" for the main room), once it answered. */
    private final Map<Integer, String> redirects = new ConcurrentHashMap<>();
    private volatile boolean expectReplies;
    private final OutputStream out;
    private final InputStream in;
    private final Thread drain;
    private final AtomicLong confirmed = new AtomicLong();
    private final AtomicLong presences = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();

    ParticipantCrowd(ProsodyServer prosody) throws IOException {
        domain = prosody.crowd();
        muc = prosody.muc();
        socket = new Socket("127.0.0.1", prosody.componentPort());
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = socket.getInputStream();
        send("<stream:stream xmlns='jabber:component:accept' xmlns:stream='http://etherx.jabber.org/streams' to='"
                + domain + "'>");
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
        send("<presence from='p" + n + "@" + domain + "/web' to='" + room + "@" + muc
                + "/" + endpoint(n) + "'><x xmlns='http://jabber.org/protocol/muc'/>" + identity + "</presence>");
    }

    /** Participant {@code n} leaves {@code room}. */
    void leave(String room, int n) throws IOException {
        send("<presence type='unavailable' from='p" + n + "@" + domain + "/web' to='" + room + "@" + muc + "/"
                + endpoint(n) + "'/>");
    }

    /**
     * Participant {@code n} asks the focus for the conference first, as Jitsi Meet does (DESIGN §3): with
     * {@code visitors-version} (it can be sent to a visitor node) and, for a viewer, {@code visitor=true}. The answer
     * is collected by the reader ({@link #redirect(int)}).
     */
    void requestConference(String room, String mainMuc, String focus, int n, boolean viewer) throws IOException {
        expectReplies = true;
        send("<iq type='set' id='cq" + n + "' from='p" + n + "@" + domain + "/web' to='" + focus + "'>"
                + "<conference xmlns='http://jitsi.org/protocol/focus' room='" + room + "@" + mainMuc + "'>"
                + "<property name='visitors-version' value='1'/>"
                + (viewer ? "<property name='visitor' value='true'/>" : "") + "</conference></iq>");
    }

    /** Where the focus sent participant {@code n}: a visitor node id, "" for the main room, null before it answered. */
    String redirect(int n) {
        return redirects.get(n);
    }

    int answered() {
        return redirects.size();
    }

    /** Joins Prosody has confirmed (self-presence with status 110). */
    long confirmed() {
        return confirmed.get();
    }

    /** Presence stanzas Prosody sent to any participant of this crowd (self-presences included). */
    long presences() {
        return presences.get();
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
        int presence = 0;
        String carry = "";
        try {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                bytesRead.addAndGet(n);
                if (expectReplies) {
                    carry = conferenceReplies(carry + new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                }
                for (int i = 0; i < n; i++) {
                    // a plain pattern match that survives buffer boundaries (the pattern has no repeated prefix)
                    matched = buf[i] == SELF[matched] ? matched + 1 : buf[i] == SELF[0] ? 1 : 0;
                    if (matched == SELF.length) {
                        confirmed.incrementAndGet();
                        matched = 0;
                    }
                    presence = buf[i] == PRESENCE[presence] ? presence + 1 : buf[i] == PRESENCE[0] ? 1 : 0;
                    if (presence == PRESENCE.length) {
                        presences.incrementAndGet();
                        presence = 0;
                    }
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    /** Records the ConferenceIq answers in {@code text}; returns the tail that may hold the start of the next one. */
    private String conferenceReplies(String text) {
        Matcher m = CONFERENCE_REPLY.matcher(text);
        int end = 0;
        while (m.find()) {
            Matcher id = REQUEST_ID.matcher(m.group(1));
            if (id.find()) {
                Matcher vnode = VNODE.matcher(m.group(2));
                redirects.put(Integer.parseInt(id.group(1)), vnode.find() ? vnode.group(1) : "");
            }
            end = m.end();
        }
        int keep = Math.max(end, text.length() - 2048);
        return text.substring(Math.max(0, keep));
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
