package vn.motcua.intake.domain;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.shared.dossier.DossierCode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * The 4-digit daily sequence of a one-stop unit (the dossier code of Circular 03/2025/TT-VPCP). The upsert takes the
 * row lock of (unit, day) until the reception commits, so concurrent receptions queue on it and
 * each gets the next number; a reception that rolls back gives its number back with it, so the
 * numbers of committed dossiers neither repeat nor skip. Plain SQL on the transaction's connection: through a native
 * query of the entity manager each call also flushed the session and resolved the result's metadata (issue 18).
 */
@ApplicationScoped
public class DossierSequences {
    private final AgroalDataSource dataSource;

    public DossierSequences(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int next(String unitCode, LocalDate receiptDate) {
        Integer value = upsert("""
                        insert into dossier_sequence as s (unit_code, receipt_date, last_value) values (?, ?, 1)
                        on conflict (unit_code, receipt_date) do update set last_value = s.last_value + 1
                          where s.last_value < ?
                        returning last_value""", unitCode, receiptDate, DossierCode.MAX_SEQUENCE);
        if (value == null) {
            throw ProblemException.unprocessable("daily-sequence-exhausted",
                    "Đơn vị " + unitCode + " đã cấp đủ " + DossierCode.MAX_SEQUENCE + " mã hồ sơ trong ngày "
                            + receiptDate + "; không thể cấp thêm mã trong ngày này.");
        }
        return value;
    }

    /** The next entry of the unit's log book of a year (Sổ theo dõi hồ sơ, one book per unit per year). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int nextLogBookEntry(String unitCode, int year) {
        return upsert("""
                        insert into log_book_sequence as s (unit_code, book_year, last_value) values (?, ?, 1)
                        on conflict (unit_code, book_year) do update set last_value = s.last_value + 1
                        returning last_value""", unitCode, year);
    }

    /** Runs a counter's upsert; its new value, or null when the upsert's condition kept the row as it was. */
    private Integer upsert(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not advance a counter", e);
        }
    }
}
