package vn.motcua.platform.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Tells a database that cannot be reached (retry later) from a database that refused the statement. */
public final class DatabaseErrors {
    private DatabaseErrors() {
    }

    /** Connection-class failures: SQLSTATE 08xxx, admin shutdown, start-up, pool acquisition time-outs. */
    public static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P03"))) {
                    return true;
                }
                if (poolExhausted(sql)) {
                    return true;
                }
            }
            if (t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
        }
        return false;
    }

    /**
     * No connection of the pool came free in time ({@code quarkus.datasource.jdbc.acquisition-timeout}): the service is
     * overloaded, the database may be fine. Agroal says "Sorry, acquisition timeout!" — matched case-insensitively (a
     * case-sensitive match missed it, and the benchmark's overload phase got 500s instead of 503s).
     */
    public static boolean poolExhausted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getMessage() != null
                    && sql.getMessage().toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Data exceptions (SQLSTATE class 22: a NUL byte or a character the encoding cannot hold in text, a
     * number out of range, a value too long): the statement's data was refused, the input is at fault.
     */
    public static boolean badData(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }
}
