package vn.hoinghi.media.yaml;

/**
 * A fleet or demand file the tool cannot use, located by file, line and field so a person can fix it without a
 * stack trace.
 */
public final class ConfigException extends RuntimeException {
    private final String source;
    private final int line;
    private final String field;

    public ConfigException(String source, int line, String field, String problem) {
        super(source + ":" + line + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
        this.source = source;
        this.line = line;
        this.field = field;
    }

    public String source() {
        return source;
    }

    /** 1-based line of the offending node. */
    public int line() {
        return line;
    }

    /** Dotted path of the offending field, e.g. {@code regions[1].bridges}. */
    public String field() {
        return field;
    }
}
