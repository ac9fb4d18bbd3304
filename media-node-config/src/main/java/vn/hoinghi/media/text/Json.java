package vn.hoinghi.media.text;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON writer for the CLI's output (maps, lists, strings, numbers, booleans), so the library needs no JSON
 * dependency that could clash with the orchestrator's. Maps keep their iteration order; output is indented.
 */
public final class Json {
    private Json() {
    }

    public static String write(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value, "");
        return b.append('\n').toString();
    }

    private static void write(StringBuilder b, Object v, String indent) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof Number || v instanceof Boolean) {
            b.append(v);
        } else if (v instanceof Map<?, ?> m) {
            container(b, indent, '{', '}', m.entrySet().iterator(), (e, in) -> {
                Map.Entry<?, ?> entry = (Map.Entry<?, ?>) e;
                string(b, String.valueOf(entry.getKey()));
                b.append(": ");
                write(b, entry.getValue(), in);
            });
        } else if (v instanceof List<?> l) {
            container(b, indent, '[', ']', l.iterator(), (e, in) -> write(b, e, in));
        } else {
            string(b, v.toString());
        }
    }

    private interface ItemWriter {
        void write(Object item, String indent);
    }

    private static void container(StringBuilder b, String indent, char open, char close, Iterator<?> items,
                                  ItemWriter w) {
        if (!items.hasNext()) {
            b.append(open).append(close);
            return;
        }
        String inner = indent + "  ";
        b.append(open).append('\n');
        while (items.hasNext()) {
            b.append(inner);
            w.write(items.next(), inner);
            b.append(items.hasNext() ? ",\n" : "\n");
        }
        b.append(indent).append(close);
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
