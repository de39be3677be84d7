package vn.motcua.intake.api;

import vn.motcua.platform.audit.Audited;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.motcua.intake.domain.ProcedureContent;
import vn.motcua.intake.domain.ProcedureRules;
import vn.motcua.intake.domain.ProcedureVersion;
import vn.motcua.intake.domain.Procedures;
import vn.motcua.intake.domain.TerritorialCompetence;
import vn.motcua.intake.domain.VersionRecord;
import vn.motcua.platform.api.Page;
import vn.motcua.platform.problem.Problem;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.shared.events.DurationUnit;
import vn.motcua.shared.events.PlanStage;
import vn.motcua.shared.events.PlanStep;
import vn.motcua.shared.events.StageKind;
import vn.motcua.shared.events.StatutoryTime;
import vn.motcua.shared.events.SupplementLapse;
import vn.motcua.shared.events.catalog.RequiredDocument;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The procedure catalogue (danh mục thủ tục hành chính): the public list of versions in force, and
 * its administration (create, version, retire; the history for officers).
 */
@Path("/api/procedures")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class ProcedureResource {
    /**
     * @param statutoryWorkingDays the statutory time when it is set in working days, else null
     *                             (see {@code statutoryTime} for hours and calendar days)
     * @param supplementLapse      what routing does when a supply-by date passes unanswered (issue 20, item 4)
     * @param sameDayCutoff        the version's own cut-off for same-day receptions ("HH:mm"), or null for the
     *                             deployment's {@code motcua.intake.same-day-cutoff} (issue 20, item 5)
     */
    public record ProcedureView(String code, int version, String name, String field, String competentAgency,
                                Integer statutoryWorkingDays, StatutoryTime statutoryTime, List<Step> steps,
                                List<RequiredDocument> documents, List<ProcedureContent.Fee> fees, String onlineLevel,
                                String resultForm, String legalBasis, boolean suspensionAllowed,
                                boolean extensionAllowed, SupplementLapse supplementLapse, String sameDayCutoff,
                                LocalDate effectiveFrom, LocalDate effectiveTo) {
    }

    /** One step of the routing plan; steps of one {@code stage} with {@code parallel} run side by side. */
    public record Step(int stage, boolean parallel, String stepId, String agency, String agencyName, String name,
                       Integer workingDays, StatutoryTime share) {
    }

    private final Procedures procedures;
    private final TerritorialCompetence competence;
    private final SecurityIdentity identity;

    public ProcedureResource(Procedures procedures, TerritorialCompetence competence, SecurityIdentity identity) {
        this.procedures = procedures;
        this.competence = competence;
        this.identity = identity;
    }

    /**
     * The versions in force on {@code at} (default today), one per procedure, by code; {@code q} finds
     * words in the code or name, {@code field} the field, {@code agency} a competent or step agency.
     */
    @GET
    public Page<ProcedureView> list(@QueryParam("q") String q, @QueryParam("field") String field,
                                    @QueryParam("agency") String agency, @QueryParam("at") String at,
                                    @QueryParam("page") String page, @QueryParam("size") String size) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Page.Request paging = Page.Request.of(page, size, errors);
        LocalDate day = procedures.today();
        if (at != null && !at.isBlank()) {
            try {
                day = LocalDate.parse(at.strip());
            } catch (DateTimeParseException e) {
                day = null;
            }
            ProcedureRules.date(day, "at", true, errors);
        }
        String words = text(q, "q", 200, errors);
        ProcedureVersion.Search search = new ProcedureVersion.Search(day, words, text(field, "field", 200, errors),
                text(agency, "agency", 64, errors));
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        List<ProcedureView> items = ProcedureVersion.search(search, paging.offset(), paging.size()).stream()
                .map(ProcedureResource::view).toList();
        return new Page<>(items, paging.page(), paging.size(), ProcedureVersion.count(search));
    }

    private static String text(String value, String name, int max, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            errors.add(new Problem.FieldError(name, "tối đa " + max + " ký tự"));
        }
        return value.strip();
    }

    /** A procedure with its version in force today (absent if retired or not yet in force) and its whole history. */
    public record ProcedureDetail(String code, ProcedureView current, List<VersionRecord> versions) {
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({"admin", "supervisor", "counter-officer"})
    @Transactional
    public ProcedureDetail get(@PathParam("code") String code) {
        List<ProcedureVersion> history = ProcedureVersion.history(code);
        if (history.isEmpty()) {
            throw ProblemException.notFound("Không có thủ tục mã " + code + ".");
        }
        ProcedureView current = ProcedureVersion.inForce(code, procedures.today()).map(ProcedureResource::view).orElse(null);
        return new ProcedureDetail(code, current, history.stream().map(VersionRecord::of).toList());
    }

    /** Creates a procedure with version 1: {@code code}, {@code effectiveFrom} (today or later) and the content. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Audited("procedure.create")
    public Response create(VersionRecord body) {
        ProcedureVersion created = procedures.create(required(body), identity.getPrincipal().getName());
        return Response.created(URI.create("/api/procedures/" + created.code)).entity(VersionRecord.of(created)).build();
    }

    /** Publishes a new version edited from {@code basedOnVersion}; 409 if another was published meanwhile. */
    @POST
    @Path("/{code}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Audited("procedure.version.add")
    public Response newVersion(@PathParam("code") String code, VersionRecord body) {
        ProcedureVersion created = procedures.newVersion(code, required(body), identity.getPrincipal().getName());
        return Response.created(URI.create("/api/procedures/" + code)).entity(VersionRecord.of(created)).build();
    }

    /** {@code {"agency": "CODE"}}: the agency competent for the procedure in a commune. */
    public record AreaAgency(String agency) {
    }

    /**
     * Territorial competence (issue 20, item 6): the communes whose dossiers of this procedure another agency than
     * the procedure's competent agency processes, by commune code.
     */
    @GET
    @Path("/{code}/areas")
    @RolesAllowed({"admin", "supervisor", "counter-officer"})
    public Page<TerritorialCompetence.Area> areas(@PathParam("code") String code, @QueryParam("page") String page,
                                                  @QueryParam("size") String size) {
        if (ProcedureVersion.history(code).isEmpty()) {
            throw ProblemException.notFound("Không có thủ tục mã " + code + ".");
        }
        return competence.list(code, Page.Request.of(page, size));
    }

    /** Sets the agency competent for the procedure's dossiers from a commune (5 digits); it replaces one set before. */
    @PUT
    @Path("/{code}/areas/{commune}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Audited("procedure.area.set")
    public TerritorialCompetence.Area setArea(@PathParam("code") String code, @PathParam("commune") String commune,
                                              AreaAgency body) {
        return competence.set(code, commune, body == null ? null : body.agency(), identity.getPrincipal().getName(),
                procedures.now());
    }

    /** {@code {"effectiveTo": "YYYY-MM-DD", "basedOnVersion": N}}; {@code basedOnVersion} is optional. */
    public record Retirement(LocalDate effectiveTo, Integer basedOnVersion) {
    }

    /** Retires the procedure from {@code effectiveTo}: no new dossiers from that day; existing ones keep their version. */
    @POST
    @Path("/{code}/retire")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Audited("procedure.retire")
    public VersionRecord retire(@PathParam("code") String code, Retirement body) {
        Retirement r = body == null ? new Retirement(null, null) : body;
        return VersionRecord.of(procedures.retire(code, r.effectiveTo(), r.basedOnVersion()));
    }

    static <T> T required(T body) {
        if (body == null) {
            throw ProblemException.validation(List.of(new Problem.FieldError("body", "bắt buộc")));
        }
        return body;
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
                workingDays(p.statutoryTime()), p.statutoryTime(), steps, p.requiredDocuments(), p.content().fees(),
                p.onlineLevel, p.resultForm, p.legalBasis, p.suspensionAllowed, p.extensionAllowed, p.supplementLapse,
                p.sameDayCutoff == null ? null : p.sameDayCutoff.toString(), p.effectiveFrom,
                p.effectiveTo);
    }

    private static Integer workingDays(StatutoryTime time) {
        return time.unit() == DurationUnit.WORKING_DAYS ? time.value() : null;
    }
}
