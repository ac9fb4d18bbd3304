package vn.hoinghi.media.fleet;

/**
 * A secret named by reference: the environment variable that holds it on the host. Rendered files carry the name
 * in each format's own syntax (Prosody {@code ENV_NAME}, HOCON {@code ${?NAME}}, properties {@code ${NAME}} for
 * envsubst), so no value is ever written into a config, a repository or a log.
 */
public record SecretRef(String envVar) {
    public SecretRef {
        if (envVar == null || !envVar.matches("[A-Z_][A-Z0-9_]*")) {
            throw new IllegalArgumentException("an environment variable name (A-Z, 0-9, _), got " + envVar);
        }
    }

    /** Parses {@code env:NAME}; anything else is refused, including what looks like an inline value. */
    public static SecretRef parse(String text) {
        if (text == null || !text.startsWith("env:")) {
            throw new IllegalArgumentException("secrets are references, write env:VARIABLE_NAME (never the value)");
        }
        return new SecretRef(text.substring(4));
    }
}
