package vn.motcua.intake.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.motcua.platform.api.Page;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.PlanStage;
import vn.motcua.shared.events.PlanStep;
import vn.motcua.shared.events.RoutingPlanSnapshot;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Territorial competence (issue 20, item 6; docs/LEGAL-BASIS.md): a dossier may be received at any one-stop unit
 * regardless of administrative boundary, and the agency competent for it follows the applicant's commune. Data per
 * procedure and commune ({@code procedure_area_agency}, V17): the agency that does there the work the procedure's
 * competent agency does in its published plan. Reception routes the dossier with that plan, so a counter in one
 * commune receives a dossier another commune's office processes, and it lands in that office's inbox.
 */
@ApplicationScoped
public class TerritorialCompetence {
    /** A commune's code in the national list of administrative units: five digits. */
    public static final Pattern COMMUNE = Pattern.compile("[0-9]{5}");

    private final EntityManager em;

    public TerritorialCompetence(EntityManager em) {
        this.em = em;
    }

    /** One row: for this procedure and commune, this agency is competent. */
    public record Area(String procedureCode, String commune, String agency, String agencyName, OffsetDateTime updatedAt,
                       String updatedBy) {
    }

    /**
     * Sets the competent agency of a procedure for a commune (an administrator): 404 for an unknown procedure, 400 for
     * a commune that is not five digits, 422 {@code unknown-agency} for an agency not in the catalogue or not active.
     */
    @Transactional
    public Area set(String procedureCode, String commune, String agencyCode, String administrator, OffsetDateTime now) {
        if (ProcedureVersion.history(procedureCode).isEmpty()) {
            throw ProblemException.notFound("Không có thủ tục mã " + procedureCode + ".");
        }
        if (commune == null || !COMMUNE.matcher(commune).matches()) {
            throw ProblemException.badRequest("validation-failed", "Mã xã, phường phải gồm đúng 5 chữ số.");
        }
        Agency agency = agencyCode == null || agencyCode.isBlank() ? null : Agency.findById(agencyCode.strip());
        if (agency == null || !agency.active) {
            throw ProblemException.unprocessable("unknown-agency", "Cơ quan " + agencyCode
                    + " không có trong danh mục hoặc đã ngừng hoạt động.");
        }
        em.createNativeQuery("insert into procedure_area_agency (procedure_code, commune_code, agency_code, updated_at,"
                        + " updated_by) values (?1, ?2, ?3, ?4, ?5) on conflict (procedure_code, commune_code) do update"
                        + " set agency_code = excluded.agency_code, updated_at = excluded.updated_at,"
                        + " updated_by = excluded.updated_by")
                .setParameter(1, procedureCode).setParameter(2, commune).setParameter(3, agency.code)
                .setParameter(4, now).setParameter(5, administrator)
                .executeUpdate();
        return new Area(procedureCode, commune, agency.code, agency.name, now.withOffsetSameInstant(EventJson.VIETNAM),
                administrator);
    }

    /** The communes of a procedure that have their own competent agency, by commune code. Two statements. */
    @Transactional
    public Page<Area> list(String procedureCode, Page.Request paging) {
        long total = ((Number) em.createNativeQuery("select count(*) from procedure_area_agency where procedure_code = ?1")
                .setParameter(1, procedureCode).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select p.commune_code, p.agency_code, a.name, p.updated_at,"
                        + " p.updated_by from procedure_area_agency p join agency a on a.code = p.agency_code"
                        + " where p.procedure_code = ?1 order by p.commune_code offset ?2 limit ?3")
                .setParameter(1, procedureCode).setParameter(2, paging.offset()).setParameter(3, paging.size())
                .getResultList();
        return new Page<>(rows.stream().map(r -> new Area(procedureCode, (String) r[0], (String) r[1], (String) r[2],
                time(r[3]), (String) r[4])).toList(), paging.page(), paging.size(), total);
    }

    /**
     * The plan a dossier of this version from this commune is routed with: the published plan, in which the
     * procedure's competent agency gives way to the commune's own where the catalogue names one (its steps and the
     * lead). Without a commune, or for a commune without a row, the published plan.
     */
    public RoutingPlanSnapshot plan(ProcedureVersion procedure, String commune) {
        RoutingPlanSnapshot published = procedure.routingPlan();
        if (commune == null) {
            return published;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery("select a.code, a.name from procedure_area_agency p"
                        + " join agency a on a.code = p.agency_code where p.procedure_code = ?1 and p.commune_code = ?2")
                .setParameter(1, procedure.code).setParameter(2, commune).getResultList();
        if (found.isEmpty() || found.get(0)[0].equals(procedure.competentAgency)) {
            return published;
        }
        String code = (String) found.get(0)[0];
        String name = (String) found.get(0)[1];
        String replaced = procedure.competentAgency;
        return new RoutingPlanSnapshot(replaced.equals(published.leadAgencyCode()) ? code : published.leadAgencyCode(),
                published.stages().stream().map(stage -> new PlanStage(stage.kind(), stage.steps().stream()
                        .map(step -> step.agencyCode().equals(replaced)
                                ? new PlanStep(step.stepId(), code, name, step.name(), step.share()) : step)
                        .toList())).toList());
    }

    private static OffsetDateTime time(Object value) {
        OffsetDateTime t = value instanceof java.time.Instant i ? i.atOffset(EventJson.VIETNAM) : (OffsetDateTime) value;
        return t.withOffsetSameInstant(EventJson.VIETNAM);
    }
}
