package vn.hoinghi.media.render;

import vn.hoinghi.media.fleet.SecretRef;

/** Quoting and secret references in the syntax of each rendered format. */
final class Quote {
    private Quote() {
    }

    /** A double-quoted string valid in HOCON, Lua and JavaScript alike (fleet values never hold newlines). */
    static String q(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** HOCON optional substitution: Typesafe Config resolves it from the environment, unset leaves the key out. */
    static String hocon(SecretRef ref) {
        return "${?" + ref.envVar() + "}";
    }

    /** Prosody 0.12 resolves any global named ENV_X in its config to the environment variable X. */
    static String lua(SecretRef ref) {
        return "ENV_" + ref.envVar();
    }

    /** Properties and pjsua files have no environment lookup: the deploy step fills ${X} with envsubst. */
    static String envsubst(SecretRef ref) {
        return "${" + ref.envVar() + "}";
    }

    /**
     * jitsi's account PASSWORD properties hold base64 (its credentials storage decodes them); the deploy step sets
     * X_BASE64 from X ({@code base64 -w0}) before envsubst.
     */
    static String envsubstBase64(SecretRef ref) {
        return "${" + ref.envVar() + "_BASE64}";
    }
}
