package vn.hoinghi.orchestrator.sites;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** What an import did (or, for a dry run, would do). Nothing is written unless the whole file is valid. */
@Serdeable
public record ImportReport(boolean dryRun, int lines, int created, int updated, int unchanged,
                           List<String> createdCodes, List<String> updatedCodes) {
}
