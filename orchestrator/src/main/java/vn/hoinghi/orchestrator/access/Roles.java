package vn.hoinghi.orchestrator.access;

import java.util.List;

/** The five roles; every endpoint names the ones it admits. */
public final class Roles {
    public static final String ADMIN = "ADMIN";
    /** Books anything, anywhere. */
    public static final String SECRETARIAT = "SECRETARIAT";
    /** Acts only on its own site and the sites below it. */
    public static final String UNIT_OPERATOR = "UNIT_OPERATOR";
    /** Watches call quality and runs the media fleet. */
    public static final String OPERATOR = "OPERATOR";
    /** Reads everything, changes nothing. */
    public static final String OBSERVER = "OBSERVER";

    public static final List<String> ALL = List.of(ADMIN, SECRETARIAT, UNIT_OPERATOR, OPERATOR, OBSERVER);

    private Roles() {
    }
}
