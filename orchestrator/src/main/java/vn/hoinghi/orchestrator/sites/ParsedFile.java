package vn.hoinghi.orchestrator.sites;

import java.util.List;

/** An import file read into sites, each with the line it starts on, plus whatever could not be read at all. */
public record ParsedFile(List<Line> lines, List<Violation> violations) {
    public record Line(int line, SiteInput input) {
    }
}
