package vn.motcua.console.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import vn.motcua.console.client.IntakeClient;
import vn.motcua.console.view.Officer;
import vn.motcua.console.client.ServiceException;
import vn.motcua.console.view.FormErrors;
import vn.motcua.console.view.Formats;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The administrator's procedure catalogue: the procedures in force, a procedure's versions, a new procedure and a new
 * version edited from the latest (intake keeps every version; a published one is never changed in place). intake
 * decides who may publish (role admin) on the officer's token; the console only shows its answer.
 */
@Path("/quan-tri")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Officer.ADMIN)
public class AdminResource {
    private final IntakeClient intake;

    public AdminResource(@RestClient IntakeClient intake) {
        this.intake = intake;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance procedures(List<IntakeClient.Procedure> procedures);

        static native TemplateInstance procedure(IntakeClient.ProcedureHistory procedure, IntakeClient.Version latest,
                                                 List<IntakeClient.Area> areas, List<IntakeClient.Office> agencies,
                                                 Typed typed, FormErrors errors);

        static native TemplateInstance procedureForm(ProcedureForm form, boolean creating, List<IntakeClient.Office> agencies,
                                                     FormErrors errors);
    }

    @GET
    public TemplateInstance procedures(@QueryParam("xong") String done) {
        return Done.shown(Templates.procedures(intake.procedures(null, 500).items()), done);
    }

    /** What was typed in the procedure page's small forms: the retirement date, a commune and its agency. */
    public record Typed(String effectiveTo, String commune, String agency) {
    }

    @GET
    @Path("thu-tuc/{code}")
    public TemplateInstance procedure(@PathParam("code") String code, @QueryParam("xong") String done) {
        return Done.shown(procedurePage(code, new Typed("", "", ""), FormErrors.none()), done);
    }

    /** The procedure stops applying from a date (no new dossiers; those received keep their version). */
    @POST
    @Path("thu-tuc/{code}/thoi-ap-dung")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retire(@PathParam("code") String code, @RestForm String effectiveTo, @RestForm Integer basedOnVersion) {
        Typed typed = new Typed(effectiveTo, "", "");
        LocalDate to = CalendarEdit.parse(effectiveTo);
        if (to == null) {
            return Pages.refused(procedurePage(code, typed, new FormErrors.Builder()
                    .add("effectiveTo", "Ngày thôi áp dụng: bắt buộc, dạng ngày/tháng/năm.").build()),
                    "Chưa đặt được ngày thôi áp dụng: hãy sửa ô được đánh dấu.");
        }
        return Pages.actOrShow(() -> intake.retire(code, new IntakeClient.Retirement(to, basedOnVersion)),
                e -> procedurePage(code, typed, FormErrors.of(e, path -> path.equals("effectiveTo")
                        ? new FormErrors.Target("effectiveTo", "Ngày thôi áp dụng") : null)),
                Done.RETIRED.on("/quan-tri/thu-tuc/" + code));
    }

    /** The agency competent for the procedure's dossiers from a commune (territorial competence). */
    @POST
    @Path("thu-tuc/{code}/dia-ban")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setArea(@PathParam("code") String code, @RestForm String commune, @RestForm String agency) {
        Typed typed = new Typed("", commune, agency);
        String c = Pages.text(commune);
        if (c == null || !c.matches("\\d{5}")) {
            return Pages.refused(procedurePage(code, typed, new FormErrors.Builder()
                    .add("commune", "Mã xã, phường: gồm đúng 5 chữ số theo danh mục đơn vị hành chính, ví dụ 00004.").build()),
                    "Chưa lưu được: hãy sửa ô được đánh dấu.");
        }
        return Pages.actOrShow(() -> intake.setArea(code, c, new IntakeClient.AreaAgency(Pages.text(agency))),
                e -> procedurePage(code, typed, "unknown-agency".equals(e.kind()) ? new FormErrors.Builder()
                        .add("agency", "Cơ quan có thẩm quyền: không có trong danh mục hoặc đã ngừng hoạt động.").build()
                        : FormErrors.none()),
                Done.AREA_SET.on("/quan-tri/thu-tuc/" + code));
    }

    private TemplateInstance procedurePage(String code, Typed typed, FormErrors errors) {
        IntakeClient.ProcedureHistory history = intake.procedure(code);
        return Templates.procedure(history, latest(history), intake.areas(code, 500).items(), intake.agencies(500).items(),
                typed, errors);
    }

    @GET
    @Path("thu-tuc-moi")
    public TemplateInstance newProcedure() {
        return form(ProcedureForm.blank(tomorrow()), true, FormErrors.none());
    }

    @POST
    @Path("thu-tuc-moi")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create() {
        ProcedureForm typed = ProcedureForm.read(PostedForm.fields());
        return publish(typed, true, null);
    }

    /** The latest version in the editor, to publish as the next one from a later date. */
    @GET
    @Path("thu-tuc/{code}/phien-ban-moi")
    public TemplateInstance newVersion(@PathParam("code") String code) {
        IntakeClient.Version latest = latest(intake.procedure(code));
        LocalDate from = tomorrow();
        if (latest.effectiveFrom() != null && !from.isAfter(latest.effectiveFrom())) {
            from = latest.effectiveFrom().plusDays(1);
        }
        return form(ProcedureForm.of(latest, from), false, FormErrors.none());
    }

    @POST
    @Path("thu-tuc/{code}/phien-ban-moi")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addVersion(@PathParam("code") String code) {
        ProcedureForm typed = ProcedureForm.read(PostedForm.fields());
        ProcedureForm form = new ProcedureForm(code, typed.basedOnVersion(), typed.effectiveFrom(), typed.name(),
                typed.field(), typed.competentAgency(), typed.leadAgency(), typed.timeValue(), typed.timeUnit(),
                typed.onlineLevel(), typed.resultForm(), typed.legalBasis(), typed.suspensionAllowed(),
                typed.extensionAllowed(), typed.supplementLapse(), typed.sameDayCutoff(), typed.documents(), typed.fees(),
                typed.steps());
        return publish(form, false, latest(intake.procedure(code)));
    }

    /**
     * Sends the form to intake and goes to the procedure's page, or shows the form again as typed with intake's refusal
     * beside the fields; a "more rows" press only shows the form again with spare rows.
     */
    private Response publish(ProcedureForm form, boolean creating, IntakeClient.Version base) {
        if (PostedForm.first("them-dong") != null) {
            return Response.ok(form(form.withSpareRows(), creating, FormErrors.none()), "text/html;charset=UTF-8").build();
        }
        ProcedureForm.Request request = form.request(creating, base);
        if (request.local().any()) {
            return Pages.refused(form(form.withSpareRows(), creating, request.local()),
                    "Thông tin nhập chưa hợp lệ: hãy sửa các ô được đánh dấu bên dưới.");
        }
        String code = form.code().strip();
        return Pages.actOrShow(() -> {
            if (creating) {
                intake.createProcedure(request.version());
            } else {
                intake.addVersion(code, request.version());
            }
        }, e -> form(form.withSpareRows(), creating, FormErrors.of(e, request.place())),
                (creating ? Done.PROCEDURE_CREATED : Done.VERSION_PUBLISHED).on("/quan-tri/thu-tuc/" + code));
    }

    private TemplateInstance form(ProcedureForm form, boolean creating, FormErrors errors) {
        return Templates.procedureForm(form, creating, intake.agencies(500).items(), errors);
    }

    private static IntakeClient.Version latest(IntakeClient.ProcedureHistory history) {
        return history.versions().stream().max(Comparator.comparing(v -> v.version() == null ? 0 : v.version()))
                .orElseThrow(() -> new ServiceException(404, null, null, null));
    }

    private static LocalDate tomorrow() {
        return LocalDate.now(Formats.VIETNAM).plusDays(1);
    }
}
