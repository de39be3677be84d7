package vn.motcua.intake.domain;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.PersistenceException;
import vn.motcua.platform.problem.ProblemException;

import java.sql.SQLException;

/** Turns a unique-key race (two requests creating the same code at once) into a 409 instead of a 500. */
final class Persistence {
    private static final String UNIQUE_VIOLATION = "23505";

    private Persistence() {
    }

    static void flushOrConflict(String slug, String detail) {
        try {
            Panache.getEntityManager().flush();
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    throw ProblemException.conflict(slug, detail);
                }
            }
            throw e;
        }
    }
}
