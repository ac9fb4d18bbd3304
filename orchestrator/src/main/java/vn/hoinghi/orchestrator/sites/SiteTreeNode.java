package vn.hoinghi.orchestrator.sites;

import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The directory as nested nodes, built in one pass from a flat list (no query per level). */
@Serdeable
public record SiteTreeNode(String code, String nameVi, SiteKind kind, Region region, int roomSystemCount,
                           List<SiteTreeNode> children) {

    /** Roots are the rows whose parent is not in the list. */
    public static List<SiteTreeNode> build(List<SiteSummary> rows) {
        Map<String, SiteTreeNode> byCode = new HashMap<>();
        for (SiteSummary s : rows) {
            byCode.put(DirectoryRules.key(s.code()), new SiteTreeNode(s.code(), s.nameVi(), s.kind(), s.region(),
                    s.roomSystemCount(), new ArrayList<>()));
        }
        List<SiteTreeNode> roots = new ArrayList<>();
        for (SiteSummary s : rows) {
            SiteTreeNode node = byCode.get(DirectoryRules.key(s.code()));
            SiteTreeNode parent = s.parentCode() == null ? null : byCode.get(DirectoryRules.key(s.parentCode()));
            (parent == null ? roots : parent.children()).add(node);
        }
        return roots;
    }
}
