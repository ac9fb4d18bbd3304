package vn.hoinghi.orchestrator.booking;

/**
 * Gives the join link path ({@code /j/…}) of an invited site, creating it if needed. Implemented by
 * {@code access.JoinLinks}; an interface here so that booking (calendars) does not depend on access.
 */
public interface JoinLinkIssuer {
    String pathFor(long meetingId, String site);
}
