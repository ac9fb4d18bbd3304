package vn.hoinghi.orchestrator.platform.db;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.orchestrator.platform.errors.Problem;
import vn.hoinghi.orchestrator.platform.errors.ProblemFactory;
import vn.hoinghi.orchestrator.platform.errors.Text;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database that cannot be reached (restarting, failing over to its replica, network cut) from any other
 * database error, and answers the first with 503 problem+json {@code database-unavailable} and a Retry-After, so
 * clients retry (with their Idempotency-Key) instead of reading a 500 as a refusal. Nothing was written: the
 * transaction could not begin or was rolled back with the connection.
 */
final class DatabaseUnavailable {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailable.class);
    static final String RETRY_AFTER_SECONDS = "5";

    private DatabaseUnavailable() {
    }

    /**
     * PostgreSQL's connection-level SQLSTATEs: class 08 (connection exception), 57P01–57P03 (admin or crash shutdown,
     * cannot connect now); Hikari's pool timeout is a {@link SQLTransientConnectionException}.
     */
    static boolean isUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // Micronaut's ConnectionException: the connection could not be had or set up (a pooled connection the
            // restart closed), before any statement ran.
            if (t instanceof SQLTransientConnectionException
                    || t instanceof io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException
                    || t instanceof io.micronaut.data.connection.exceptions.ConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    static HttpResponse<Problem> respond(HttpRequest<?> request, RuntimeException e) {
        if (!isUnreachable(e)) {
            LOG.error("database error on {} {}", request.getMethod(), request.getPath(), e);
            Problem problem = ProblemFactory.problem(request, HttpStatus.INTERNAL_SERVER_ERROR, "internal-server-error",
                    new Text("Lỗi hệ thống khi truy cập cơ sở dữ liệu.", "A database error occurred."), null);
            return ProblemFactory.respond(HttpResponse.serverError(), request, problem);
        }
        LOG.warn("database unreachable on {} {}: {}", request.getMethod(), request.getPath(), e.toString());
        Problem problem = ProblemFactory.problem(request, HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                new Text("Cơ sở dữ liệu tạm thời không truy cập được; chưa có gì được ghi. Vui lòng thử lại sau "
                        + RETRY_AFTER_SECONDS + " giây.",
                        "The database is unreachable for now; nothing was written. Retry in " + RETRY_AFTER_SECONDS
                                + " s."), null);
        return ProblemFactory.respond(HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", RETRY_AFTER_SECONDS), request, problem);
    }
}
