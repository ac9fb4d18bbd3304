package vn.hoinghi.orchestrator.reports;

import java.util.List;

/** Folds server-sent-event lines into events (name + data); comments (keep-alives) become "ping" events. */
final class SseParser {
    record SseEvent(String name, String data) {
    }

    private String name = "message";
    private StringBuilder data = new StringBuilder();

    /** One line in; the events it completes out (none, or one at a blank line or a comment). */
    List<SseEvent> accept(String line) {
        if (line.startsWith(":")) {
            return List.of(new SseEvent("ping", ""));
        }
        if (line.isEmpty()) {
            if (data.isEmpty()) {
                return List.of();
            }
            SseEvent e = new SseEvent(name, data.toString());
            name = "message";
            data = new StringBuilder();
            return List.of(e);
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
        if (field.equals("event")) {
            name = value;
        } else if (field.equals("data")) {
            data.append(data.isEmpty() ? "" : "\n").append(value);
        }
        return List.of();
    }
}
