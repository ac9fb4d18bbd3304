package vn.hoinghi.orchestrator.sites;

import io.micronaut.serde.annotation.Serdeable;

/** A directory row without contacts and room systems: what lists and trees need. */
@Serdeable
public record SiteSummary(String code, String nameVi, SiteKind kind, Region region, String parentCode,
                          int roomSystemCount) {
}
