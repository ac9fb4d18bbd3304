package vn.hoinghi.orchestrator.sites;

import vn.hoinghi.orchestrator.platform.errors.Problem;
import vn.hoinghi.orchestrator.platform.errors.Text;

/** One reason a site cannot be accepted; {@code line} is set for imports (1-based, as an editor shows it). */
public record Violation(Integer line, String field, String reason, Text text) {
    public static Violation of(String field, String reason, Text text) {
        return new Violation(null, field, reason, text);
    }

    public Violation atLine(int l) {
        return new Violation(l, field, reason, text);
    }

    public Violation renamed(String newField) {
        return new Violation(line, newField, reason, text);
    }

    public Problem.FieldError toFieldError() {
        return new Problem.FieldError(line, field, reason, text.vi(), text.en());
    }
}
