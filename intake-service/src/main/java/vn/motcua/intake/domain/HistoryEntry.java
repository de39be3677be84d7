package vn.motcua.intake.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One status change of a dossier: who, when, why. */
@Entity
@Table(name = "dossier_history")
public class HistoryEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "dossier_id")
    public UUID dossierId;
    public OffsetDateTime at;
    public String actor;
    public String action;
    @Column(name = "from_status")
    public String fromStatus;
    @Column(name = "to_status")
    public String toStatus;
    /** JSON list of reason texts (a refusal's reasons, a withdrawal's reason). */
    @JdbcTypeCode(SqlTypes.JSON)
    public String reasons;
    public String note;

    public static List<HistoryEntry> of(UUID dossierId) {
        return list("dossierId = ?1 order by id", dossierId);
    }
}
