package vn.motcua.intake.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Query;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.motcua.shared.events.DurationUnit;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.ProcedureRules;
import vn.motcua.shared.events.RoutingPlanSnapshot;
import vn.motcua.shared.events.StatutoryTime;
import vn.motcua.shared.events.SupplementLapse;
import vn.motcua.shared.events.catalog.RequiredDocument;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
    @JdbcTypeCode(SqlTypes.JSON)
    public String fees;
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
    @Column(name = "suspension_allowed")
    public boolean suspensionAllowed = true;
    @Column(name = "extension_allowed")
    public boolean extensionAllowed = true;
    /** What becomes of a dossier whose supply-by date passes unanswered (issue 20, item 4; V15). */
    @Enumerated(EnumType.STRING)
    @Column(name = "supplement_lapse")
    public SupplementLapse supplementLapse = SupplementLapse.RETURN;
    /** This version's cut-off for same-day receptions, or null for the deployment's (issue 20, item 5; V16). */
    @Column(name = "same_day_cutoff")
    public java.time.LocalTime sameDayCutoff;
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
    @Column(name = "published_by")
    public String publishedBy;

    /** The version in force on {@code day}, if the procedure exists and is not retired then. */
    public static Optional<ProcedureVersion> inForce(String code, LocalDate day) {
        return find("code = ?1 and effectiveFrom <= ?2 and (effectiveTo is null or effectiveTo > ?2) order by version desc",
                code, day).firstResultOptional();
    }

    /**
     * Filters of the public catalogue: the day ({@code at}), words in the code or name ({@code q},
     * case-insensitive), the field (lĩnh vực, exact but case-insensitive) and an agency that is
     * competent or handles a step.
     */
    public record Search(LocalDate at, String q, String field, String agency) {
    }

    /** One page of the versions in force on the search's day, one per procedure, by code. */
    @SuppressWarnings("unchecked")
    public static List<ProcedureVersion> search(Search search, int offset, int limit) {
        Query query = getEntityManager().createNativeQuery("select p.* " + where(search)
                + " order by p.code offset :offset limit :limit", ProcedureVersion.class);
        bind(query, search);
        return query.setParameter("offset", offset).setParameter("limit", limit).getResultList();
    }

    public static long count(Search search) {
        Query query = getEntityManager().createNativeQuery("select count(*) " + where(search));
        bind(query, search);
        return ((Number) query.getSingleResult()).longValue();
    }

    private static String where(Search search) {
        StringBuilder sql = new StringBuilder("""
                from procedure_version p
                where p.effective_from <= :at and (p.effective_to is null or p.effective_to > :at)
                  and p.version = (select max(v.version) from procedure_version v where v.code = p.code
                                   and v.effective_from <= :at and (v.effective_to is null or v.effective_to > :at))""");
        if (search.q() != null) {
            sql.append(" and (lower(p.code) like :q escape '\\' or lower(p.name) like :q escape '\\')");
        }
        if (search.field() != null) {
            sql.append(" and lower(p.field) = lower(:field)");
        }
        if (search.agency() != null) {
            // containment: some stage has some step of that agency
            sql.append(" and (p.competent_agency = :agency or p.plan @> jsonb_build_object('stages', jsonb_build_array("
                    + "jsonb_build_object('steps', jsonb_build_array(jsonb_build_object('agencyCode', cast(:agency as text)))))))");
        }
        return sql.toString();
    }

    private static void bind(Query query, Search search) {
        query.setParameter("at", search.at());
        if (search.q() != null) {
            String escaped = search.q().toLowerCase(java.util.Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            query.setParameter("q", "%" + escaped + "%");
        }
        if (search.field() != null) {
            query.setParameter("field", search.field());
        }
        if (search.agency() != null) {
            query.setParameter("agency", search.agency());
        }
    }

    /** Every version of a procedure, oldest first (empty if there is no such procedure). */
    public static List<ProcedureVersion> history(String code) {
        return list("code = ?1 order by version", code);
    }

    /** What an administrator edited, normalized (the form import compares). */
    public ProcedureContent content() {
        return new ProcedureContent(name, field, competentAgency,
                new ProcedureContent.Time(statutoryValue, DurationUnit.valueOf(statutoryUnit)),
                read(plan, new TypeReference<ProcedureContent.Plan>() {
                }), read(documents, new TypeReference<List<ProcedureContent.Document>>() {
                }), read(fees == null ? "[]" : fees, new TypeReference<List<ProcedureContent.Fee>>() {
                }), onlineLevel, resultForm, legalBasis, suspensionAllowed, extensionAllowed, supplementLapse,
                sameDayCutoff == null ? null : sameDayCutoff.toString()).normalized();
    }

    /** Sets the content of a new version (validated and normalized). */
    public void apply(ProcedureContent c) {
        name = c.name();
        field = c.field();
        competentAgency = c.competentAgency();
        statutoryValue = c.statutoryTime().value();
        statutoryUnit = c.statutoryTime().unit().name();
        plan = write(c.routingPlan());
        documents = write(c.requiredDocuments());
        fees = write(c.fees());
        onlineLevel = c.onlineLevel();
        resultForm = c.resultForm();
        legalBasis = c.legalBasis();
        suspensionAllowed = c.suspensionAllowed();
        extensionAllowed = c.extensionAllowed();
        supplementLapse = c.supplementLapse();
        sameDayCutoff = c.cutoff();
    }

    public StatutoryTime statutoryTime() {
        return new StatutoryTime(statutoryValue, DurationUnit.valueOf(statutoryUnit));
    }

    public RoutingPlanSnapshot routingPlan() {
        return PARSED_PLANS.computeIfAbsent(plan, json -> read(json, new TypeReference<RoutingPlanSnapshot>() {
        }));
    }

    /** The flags and document list processing must keep, as {@code dossier.received} carries them to routing. */
    public ProcedureRules rules() {
        return new ProcedureRules(suspensionAllowed, extensionAllowed, requiredDocuments(), supplementLapse);
    }

    public List<RequiredDocument> requiredDocuments() {
        return PARSED_DOCUMENTS.computeIfAbsent(documents, json -> List.copyOf(read(json,
                new TypeReference<List<RequiredDocument>>() {
                })));
    }

    /**
     * Every reception reads its version's plan and checklist: parsed once per distinct JSON text (the
     * parsed values are immutable records, and a catalogue holds a few thousand versions at most).
     */
    private static final ParsedCache<RoutingPlanSnapshot> PARSED_PLANS = new ParsedCache<>(4096);
    private static final ParsedCache<List<RequiredDocument>> PARSED_DOCUMENTS = new ParsedCache<>(4096);

    private static final class ParsedCache<T> {
        private final java.util.concurrent.ConcurrentHashMap<String, T> map = new java.util.concurrent.ConcurrentHashMap<>();
        private final int limit;

        ParsedCache(int limit) {
            this.limit = limit;
        }

        T computeIfAbsent(String json, java.util.function.Function<String, T> parse) {
            T value = map.get(json);
            if (value == null) {
                if (map.size() >= limit) {
                    map.clear();
                }
                value = map.computeIfAbsent(json, parse);
            }
            return value;
        }
    }

    private static String write(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("catalogue row holds JSON of the wrong shape", e);
        }
    }
}
