package vn.motcua.intake.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.motcua.shared.events.DurationUnit;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.RoutingPlanSnapshot;
import vn.motcua.shared.events.StatutoryTime;
import vn.motcua.shared.events.catalog.RequiredDocument;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One version of an administrative procedure (thủ tục hành chính). Versions are immutable once
 * published; a dossier keeps the version in force on the day it was received.
 */
@Entity
@Table(name = "procedure_version")
@IdClass(ProcedureVersion.Key.class)
public class ProcedureVersion extends PanacheEntityBase {
    public record Key(String code, Integer version) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    public String code;
    @Id
    public Integer version;
    public String name;
    public String field;
    @Column(name = "competent_agency")
    public String competentAgency;
    @Column(name = "statutory_value")
    public int statutoryValue;
    @Column(name = "statutory_unit")
    public String statutoryUnit;
    @JdbcTypeCode(SqlTypes.JSON)
    public String plan;
    @JdbcTypeCode(SqlTypes.JSON)
    public String documents;
    @Column(name = "online_level")
    public String onlineLevel;
    @Column(name = "result_form")
    public String resultForm;
    @Column(name = "legal_basis")
    public String legalBasis;
    @Column(name = "effective_from")
    public LocalDate effectiveFrom;
    @Column(name = "effective_to")
    public LocalDate effectiveTo;

    /** The version in force on {@code day}, if the procedure exists and is not retired then. */
    public static Optional<ProcedureVersion> inForce(String code, LocalDate day) {
        return find("code = ?1 and effectiveFrom <= ?2 and (effectiveTo is null or effectiveTo > ?2) order by version desc",
                code, day).firstResultOptional();
    }

    /** The versions in force on {@code day}, one per procedure, by code. */
    public static List<ProcedureVersion> allInForce(LocalDate day) {
        return list("effectiveFrom <= ?1 and (effectiveTo is null or effectiveTo > ?1) and version = "
                + "(select max(p.version) from ProcedureVersion p where p.code = code and p.effectiveFrom <= ?1 "
                + "and (p.effectiveTo is null or p.effectiveTo > ?1)) order by code", day);
    }

    public StatutoryTime statutoryTime() {
        return new StatutoryTime(statutoryValue, DurationUnit.valueOf(statutoryUnit));
    }

    public RoutingPlanSnapshot routingPlan() {
        return read(plan, new TypeReference<>() {
        });
    }

    public List<RequiredDocument> requiredDocuments() {
        return read(documents, new TypeReference<>() {
        });
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("catalogue row holds JSON of the wrong shape", e);
        }
    }
}
