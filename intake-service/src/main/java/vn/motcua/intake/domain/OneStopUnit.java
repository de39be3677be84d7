package vn.motcua.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.motcua.shared.calendar.OfficeHours;

import java.time.LocalTime;

/**
 * Bộ phận Một cửa (or a Public Administrative Service Centre) and its identity code (QCVN 102:2016),
 * the first part of the dossier codes it issues and the {@code unit} claim of its counter officers.
 */
@Entity
@Table(name = "one_stop_unit")
public class OneStopUnit extends Office {
    /** {@link UnitHours}' days as JSON, or null for the deployment's office hours (V21). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "office_hours")
    public String officeHours;
    /** The unit's own cut-off, or null for the deployment's. */
    public LocalTime cutoff;
    @Column(name = "hours_updated_by")
    public String hoursUpdatedBy;

    /** The unit's reception hours and cut-off, or the deployment's {@code standard} office hours without a cut-off. */
    public UnitHours hours(OfficeHours standard) {
        UnitHours days = officeHours == null ? UnitHours.standard(standard) : UnitHours.fromStored(officeHours);
        return new UnitHours(days.days(), cutoff);
    }

    public void hours(UnitHours hours, String administrator) {
        officeHours = new UnitHours(hours.days(), null).stored();
        cutoff = hours.cutoff();
        hoursUpdatedBy = administrator;
    }

    /** Back on the deployment's office hours and cut-off. */
    public void deploymentHours(String administrator) {
        officeHours = null;
        cutoff = null;
        hoursUpdatedBy = administrator;
    }
}
