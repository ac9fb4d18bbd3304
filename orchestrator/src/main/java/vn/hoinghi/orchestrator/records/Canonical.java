package vn.hoinghi.orchestrator.records;

import org.erdtman.jcs.JsonCanonicalizer;

import java.io.IOException;

/** RFC 8785 (JSON Canonicalization Scheme): one byte sequence per JSON value, whatever wrote it. */
public final class Canonical {
    private Canonical() {
    }

    public static String of(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedString();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not JSON that can be canonicalised: " + e.getMessage(), e);
        }
    }
}
