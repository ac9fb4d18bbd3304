package vn.hoinghi.orchestrator.sites;

/**
 * The database refused a directory write that the checks let through. It should not happen; if it does, the
 * caller answers 409 with the reason instead of a 500, and the transaction rolls back so nothing is half-written.
 */
public class WriteRefused extends RuntimeException {
    private final String sqlState;

    public WriteRefused(String sqlState, String message, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    public String sqlState() {
        return sqlState;
    }
}
