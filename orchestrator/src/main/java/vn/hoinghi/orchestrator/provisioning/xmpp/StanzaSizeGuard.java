package vn.hoinghi.orchestrator.provisioning.xmpp;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.debugger.SmackDebugger;
import org.jivesoftware.smack.packet.TopLevelStreamElement;
import org.jxmpp.jid.EntityFullJid;

/**
 * Bounds incoming stanzas. Smack has no size limit of its own, and its debugger hook is the one place that sees the
 * decrypted character stream before the parser does; so this "debugger" tracks element depth and aborts the read
 * (Smack then closes the connection with this reason) once a stanza exceeds the limit. XMPP forbids comments,
 * processing instructions and DTDs after the stream header, so tags, quotes and text are all it needs to follow.
 */
final class StanzaSizeGuard extends SmackDebugger {
    private static final String STREAM = "stream:stream";
    private final int max;
    private int depth;
    private long size;
    private char prev;
    private char quote;
    private boolean inTag;
    private boolean closing;
    private boolean declaration;
    private boolean nameDone;
    private final StringBuilder name = new StringBuilder(16);

    StanzaSizeGuard(XMPPConnection connection, int max) {
        super(connection);
        this.max = max;
    }

    /** Thrown from the reader: Smack treats it as a connection error and closes with this message. */
    static final class OversizedStanzaException extends RuntimeException {
        OversizedStanzaException(long max) {
            super("incoming stanza larger than " + max + " characters; connection closed");
        }
    }

    @Override
    public void incomingStreamSink(CharSequence chars) {
        for (int i = 0; i < chars.length(); i++) {
            scan(chars.charAt(i));
        }
    }

    private void scan(char c) {
        if (depth >= 2 || (inTag && depth == 1)) {
            size++;
            if (size > max) {
                reset();
                throw new OversizedStanzaException(max);
            }
        }
        if (quote != 0) {
            if (c == quote) {
                quote = 0;
            }
        } else if (inTag) {
            if (c == '"' || c == '\'') {
                quote = c;
            } else if (prev == '<' && c == '/') {
                closing = true;
            } else if (prev == '<' && (c == '?' || c == '!')) {
                declaration = true;
            } else if (c == '>') {
                endTag(prev == '/');
            } else if (Character.isWhitespace(c)) {
                nameDone = true;
            } else if (!nameDone && name.length() <= STREAM.length() && c != '/') {
                name.append(c);
            }
        } else if (c == '<') {
            inTag = true;
            closing = false;
            declaration = false;
            name.setLength(0);
            nameDone = false;
        }
        prev = c;
    }

    private void endTag(boolean selfClosing) {
        inTag = false;
        if (declaration) {
            return;
        }
        if (!closing && STREAM.contentEquals(name)) {
            // A stream header (first, or restarted after STARTTLS/SASL/reconnect) opens a fresh stream.
            depth = 1;
        } else if (closing) {
            depth--;
        } else if (!selfClosing) {
            depth++;
        }
        if (depth <= 1) {
            size = 0;
        }
    }

    private void reset() {
        depth = 0;
        size = 0;
        inTag = false;
        quote = 0;
        name.setLength(0);
    }

    @Override
    public void userHasLogged(EntityFullJid user) {
    }

    @Override
    public void outgoingStreamSink(CharSequence outgoingCharSequence) {
    }

    @Override
    public void onIncomingStreamElement(TopLevelStreamElement streamElement) {
    }

    @Override
    public void onOutgoingStreamElement(TopLevelStreamElement streamElement) {
    }
}
