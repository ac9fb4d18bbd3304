package vn.hoinghi.orchestrator.sites;

/** Filters for a directory search; null means "any". {@code text} ignores case and Vietnamese diacritics. */
public record SiteQuery(String text, Region region, SiteKind kind, String parentCode, int page, int size) {
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
}
