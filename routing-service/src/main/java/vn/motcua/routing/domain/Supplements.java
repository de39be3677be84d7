package vn.motcua.routing.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.motcua.platform.api.Page;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.routing.config.RoutingConfig;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.catalog.RequiredDocument;
import vn.motcua.shared.events.intake.SupplementItem;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules of a request for supplement during processing (yêu cầu bổ sung, hoàn thiện hồ sơ; Form 02 of
 * Circular 03/2025/TT-VPCP): asked once and in full per step, only for documents of the procedure's list, with
 * a date to supply by. Issue 20.
 */
@ApplicationScoped
public class Supplements {
    private final EntityManager em;
    private final Deadlines deadlines;
    private final RoutingConfig config;

    public Supplements(EntityManager em, Deadlines deadlines, RoutingConfig config) {
        this.em = em;
        this.deadlines = deadlines;
        this.config = config;
    }

    /** A dossier still waiting for a supplement whose supply-by date has passed: a row of the supervisors' list. */
    public record Overdue(String code, String procedureCode, String unitCode, String stepId, String agency,
                          String requestedBy, OffsetDateTime requestedAt, LocalDate supplyBy) {
    }

    /**
     * The rows ({@code s} the request, {@code d} the dossier) of dossiers still paused for a supplement after its
     * supply-by date, before the day {@code today} (a query parameter): the supervisors' list and the sweep's warning.
     */
    static String pausedBeyondSupplyBy(String today) {
        return " from supplement_request s join routed_dossier d on d.code = s.dossier_code"
                + " where d.status = 'SUPPLEMENT_REQUESTED' and s.requested_at = d.paused_at and s.supply_by < " + today;
    }

    /**
     * Dossiers paused for a supplement beyond its supply-by date (before {@code today}), the longest overdue
     * first, of one unit or of all ({@code unit} null): the supervisors' list (issue 20). Those whose procedure
     * returns or stops them are on it only until the next sweep applies the rule. The request that paused the dossier is the one made at the
     * pause's instant. Two statements whatever the page size.
     */
    @Transactional
    public Page<Overdue> overdue(LocalDate today, String unit, Page.Request paging) {
        String from = pausedBeyondSupplyBy(":today") + " and (cast(:unit as varchar) is null or d.unit_code = :unit)";
        long total = ((Number) em.createNativeQuery("select count(*)" + from).setParameter("today", today)
                .setParameter("unit", unit).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select d.code, d.procedure_code, d.unit_code, s.step_id, s.agency,"
                        + " s.requested_by, s.requested_at, s.supply_by" + from
                        + " order by s.supply_by, d.code offset :offset limit :limit")
                .setParameter("today", today)
                .setParameter("unit", unit)
                .setParameter("offset", paging.offset())
                .setParameter("limit", paging.size())
                .getResultList();
        return new Page<>(rows.stream().map(r -> new Overdue((String) r[0], (String) r[1],
                (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                time(r[6]), r[7] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[7])).toList(),
                paging.page(), paging.size(), total);
    }

    private static OffsetDateTime time(Object value) {
        OffsetDateTime t = value instanceof java.time.Instant i ? i.atOffset(EventJson.VIETNAM) : (OffsetDateTime) value;
        return t.withOffsetSameInstant(EventJson.VIETNAM);
    }

    /** The procedure's document list as routed_dossier keeps it. */
    static String documentsJson(List<RequiredDocument> documents) {
        try {
            return EventJson.mapper().writeValueAsString(documents);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("document list cannot be written as JSON", e);
        }
    }

    private static List<RequiredDocument> documents(String json) {
        try {
            return EventJson.mapper().readValue(json, new TypeReference<List<RequiredDocument>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored document list is unreadable", e);
        }
    }

    /**
     * Checks a request and records it for its step, in the caller's transaction: 400 {@code unknown-document} for
     * an item not in the procedure's list (when the list is known), 400 for a supply-by date out of range, 409
     * {@code supplement-already-requested} when the step asked before. Returns the supply-by date.
     */
    LocalDate record(RoutedDossier dossier, AgencyTask task, String requestedBy, List<SupplementItem> items,
                     LocalDate supplyBy, OffsetDateTime at) {
        if (dossier.documents != null) {
            Set<String> listed = documents(dossier.documents).stream().map(RequiredDocument::name)
                    .collect(Collectors.toSet());
            List<String> unknown = items.stream().map(SupplementItem::name).filter(n -> !listed.contains(n)).toList();
            if (!unknown.isEmpty()) {
                throw ProblemException.badRequest("unknown-document", "Chỉ được yêu cầu bổ sung giấy tờ thuộc thành"
                        + " phần hồ sơ của thủ tục; không có: " + String.join("; ", unknown) + ". Thành phần hồ sơ: "
                        + String.join("; ", listed.stream().sorted().toList()) + ".");
            }
        }
        LocalDate today = at.toLocalDate();
        LocalDate by = supplyBy != null ? supplyBy : deadlines.shift(at,
                deadlines.calculator().officeHours().workingDay().multipliedBy(config.supplements().supplyWorkingDays()))
                .toLocalDate();
        if (!by.isAfter(today) || by.isAfter(today.plusYears(1))) {
            throw ProblemException.badRequest("supply-by-out-of-range",
                    "Hạn bổ sung (supplyBy) phải sau hôm nay và không quá một năm.");
        }
        int inserted = em.createNativeQuery("insert into supplement_request (dossier_code, step_id, task_id, agency,"
                        + " requested_by, requested_at, supply_by) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                        + " on conflict (dossier_code, step_id) do nothing")
                .setParameter(1, dossier.code)
                .setParameter(2, task.stepId)
                .setParameter(3, task.id)
                .setParameter(4, task.agency)
                .setParameter(5, requestedBy)
                .setParameter(6, at)
                .setParameter(7, by)
                .executeUpdate();
        if (inserted == 0) {
            throw ProblemException.conflict("supplement-already-requested", "Bước " + task.stepId + " đã yêu cầu"
                    + " bổ sung hồ sơ một lần; yêu cầu bổ sung phải nêu đầy đủ một lần, không được yêu cầu lần thứ hai.");
        }
        return by;
    }
}
