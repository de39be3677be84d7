package vn.motcua.platform.problem;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseErrorsTest {
    /** Agroal's own words when no connection came free in time, wrapped as the idempotency store wraps them. */
    @Test
    void anExhaustedPoolIsOverloadNotABug() {
        Exception wrapped = new IllegalStateException("idempotency store failed for key k",
                new SQLException("Sorry, acquisition timeout!"));
        assertTrue(DatabaseErrors.poolExhausted(wrapped));
        assertTrue(DatabaseErrors.unreachable(wrapped), "retried like an outage by the consumers");
        assertFalse(DatabaseErrors.poolExhausted(new IllegalStateException(new SQLException("syntax error", "42601"))));
        assertFalse(DatabaseErrors.poolExhausted(new SQLException("connection refused", "08001")));
    }
}
