package vn.hoinghi.orchestrator.sites;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Strict UTF-8 decoding for uploads. Excel on Windows often saves CSV as Windows-1258 or TCVN3; decoding those
 * leniently would silently store mojibake names, so a bad byte is reported with its line instead.
 */
final class Utf8 {
    private Utf8() {
    }

    /** The decoded text without a BOM, or empty with {@code badLine} set to the line of the first bad byte. */
    record Decoded(String text, int badLine) {
        Optional<String> ok() {
            return badLine > 0 ? Optional.empty() : Optional.of(text);
        }
    }

    static Decoded decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return new Decoded(null, lineOf(bytes, in.position()));
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return new Decoded(text.startsWith("\uFEFF") ? text.substring(1) : text, 0);
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
