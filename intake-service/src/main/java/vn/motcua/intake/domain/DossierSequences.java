package vn.motcua.intake.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.shared.dossier.DossierCode;

import java.time.LocalDate;

/**
 * The 4-digit daily sequence of a one-stop unit (the dossier code of Circular 03/2025/TT-VPCP). The upsert takes the
 * row lock of (unit, day) until the reception commits, so concurrent receptions queue on it and
 * each gets the next number; a reception that rolls back gives its number back with it, so the
 * numbers of committed dossiers neither repeat nor skip.
 */
@ApplicationScoped
public class DossierSequences {
    private final EntityManager em;

    public DossierSequences(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int next(String unitCode, LocalDate receiptDate) {
        Number value = (Number) em.createNativeQuery("""
                        insert into dossier_sequence as s (unit_code, receipt_date, last_value) values (?1, ?2, 1)
                        on conflict (unit_code, receipt_date) do update set last_value = s.last_value + 1
                          where s.last_value < ?3
                        returning last_value""")
                .setParameter(1, unitCode)
                .setParameter(2, receiptDate)
                .setParameter(3, DossierCode.MAX_SEQUENCE)
                .getResultList().stream().findFirst().orElse(null);
        if (value == null) {
            throw ProblemException.unprocessable("daily-sequence-exhausted",
                    "Đơn vị " + unitCode + " đã cấp đủ " + DossierCode.MAX_SEQUENCE + " mã hồ sơ trong ngày "
                            + receiptDate + "; không thể cấp thêm mã trong ngày này.");
        }
        return value.intValue();
    }

    /** The next entry of the unit's log book of a year (Sổ theo dõi hồ sơ, one book per unit per year). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int nextLogBookEntry(String unitCode, int year) {
        Number value = (Number) em.createNativeQuery("""
                        insert into log_book_sequence as s (unit_code, book_year, last_value) values (?1, ?2, 1)
                        on conflict (unit_code, book_year) do update set last_value = s.last_value + 1
                        returning last_value""")
                .setParameter(1, unitCode)
                .setParameter(2, year)
                .getSingleResult();
        return value.intValue();
    }
}
