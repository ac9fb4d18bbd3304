package vn.hoinghi.orchestrator.sites;

import java.util.List;
import java.util.Set;

/** An import file read into sites, each with the line it starts on, plus whatever could not be read at all. */
public record ParsedFile(List<Line> lines, List<Violation> violations) {
    /**
     * {@code absent}: fields the file does not carry at all (see {@link KeptFields}), which keep their value.
     * {@code problems}: cells that could not be read (a word where a number goes); the line still takes part in
     * the other checks, so its code, parent and addresses are judged too.
     */
    public record Line(int line, SiteInput input, Set<String> absent, List<Violation> problems) {
        public Line(int line, SiteInput input, Set<String> absent) {
            this(line, input, absent, List.of());
        }
    }
}
