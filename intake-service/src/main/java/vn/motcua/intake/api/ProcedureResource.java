package vn.motcua.intake.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import vn.motcua.intake.domain.Calendars;
import vn.motcua.intake.domain.ProcedureVersion;
import vn.motcua.platform.api.Page;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.DurationUnit;
import vn.motcua.shared.events.PlanStage;
import vn.motcua.shared.events.PlanStep;
import vn.motcua.shared.events.StageKind;
import vn.motcua.shared.events.StatutoryTime;
import vn.motcua.shared.events.catalog.RequiredDocument;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The public procedure catalogue (danh mục thủ tục hành chính), versions in force today. */
@Path("/api/procedures")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class ProcedureResource {
    /**
     * @param statutoryWorkingDays the statutory time when it is set in working days, else null
     *                             (see {@code statutoryTime} for hours and calendar days)
     */
    public record ProcedureView(String code, int version, String name, String field, String competentAgency,
                                Integer statutoryWorkingDays, StatutoryTime statutoryTime, List<Step> steps,
                                List<RequiredDocument> documents, String onlineLevel, String resultForm,
                                String legalBasis, LocalDate effectiveFrom, LocalDate effectiveTo) {
    }

    /** One step of the routing plan; steps of one {@code stage} with {@code parallel} run side by side. */
    public record Step(int stage, boolean parallel, String stepId, String agency, String agencyName, String name,
                       Integer workingDays, StatutoryTime share) {
    }

    private final Calendars calendars;

    public ProcedureResource(Calendars calendars) {
        this.calendars = calendars;
    }

    @GET
    public Page<ProcedureView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        Page.Request paging = Page.Request.of(page, size);
        List<ProcedureVersion> all = ProcedureVersion.allInForce(calendars.now().atOffset(EventJson.VIETNAM).toLocalDate());
        List<ProcedureView> items = all.stream().skip(paging.offset()).limit(paging.size())
                .map(ProcedureResource::view).toList();
        return new Page<>(items, paging.page(), paging.size(), all.size());
    }

    static ProcedureView view(ProcedureVersion p) {
        List<Step> steps = new ArrayList<>();
        List<PlanStage> stages = p.routingPlan().stages();
        for (int i = 0; i < stages.size(); i++) {
            for (PlanStep s : stages.get(i).steps()) {
                steps.add(new Step(i, stages.get(i).kind() == StageKind.PARALLEL, s.stepId(), s.agencyCode(),
                        s.agencyName(), s.name(), workingDays(s.share()), s.share()));
            }
        }
        return new ProcedureView(p.code, p.version, p.name, p.field, p.competentAgency,
                workingDays(p.statutoryTime()), p.statutoryTime(), steps, p.requiredDocuments(), p.onlineLevel,
                p.resultForm, p.legalBasis, p.effectiveFrom, p.effectiveTo);
    }

    private static Integer workingDays(StatutoryTime time) {
        return time.unit() == DurationUnit.WORKING_DAYS ? time.value() : null;
    }
}
