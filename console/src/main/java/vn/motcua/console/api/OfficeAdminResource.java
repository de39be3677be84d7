package vn.motcua.console.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.motcua.console.client.IntakeClient;
import vn.motcua.console.view.Officer;
import vn.motcua.console.view.FormErrors;

import java.util.Arrays;
import java.util.List;

/**
 * The administrator's one-stop units and agencies: the lists, a new one, an edit of the whole record, and a unit's
 * reception hours per weekday. intake checks the role (admin) on the officer's token and refuses what it refuses.
 */
@Path("/quan-tri/co-quan")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Officer.ADMIN)
public class OfficeAdminResource {
    /** What is edited, by the console's path segment. */
    public enum Kind {
        UNIT("don-vi", "đơn vị một cửa", "Bộ phận Một cửa"),
        AGENCY("co-quan", "cơ quan", "Cơ quan giải quyết");

        public final String segment;
        public final String noun;
        public final String title;

        Kind(String segment, String noun, String title) {
            this.segment = segment;
            this.noun = noun;
            this.title = title;
        }

        static Kind of(String segment) {
            return Arrays.stream(values()).filter(k -> k.segment.equals(segment)).findFirst()
                    .orElseThrow(NotFoundException::new);
        }
    }

    private final IntakeClient intake;

    public OfficeAdminResource(@RestClient IntakeClient intake) {
        this.intake = intake;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance offices(List<IntakeClient.Office> units, List<IntakeClient.Office> agencies);

        static native TemplateInstance office(Kind kind, OfficeForm form, boolean creating, List<IntakeClient.Office> parents,
                                              FormErrors errors);

        static native TemplateInstance hours(IntakeClient.Office unit, IntakeClient.HoursView current, HoursForm form,
                                             FormErrors errors);
    }

    @GET
    public TemplateInstance offices(@QueryParam("xong") String done) {
        return Done.shown(Templates.offices(intake.units(500).items(), intake.agencies(500).items()), done);
    }

    @GET
    @Path("{kind}/moi")
    public TemplateInstance newOffice(@PathParam("kind") String kind) {
        Kind k = Kind.of(kind);
        return page(k, OfficeForm.blank(), true, FormErrors.none());
    }

    @POST
    @Path("{kind}/moi")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("kind") String kind) {
        Kind k = Kind.of(kind);
        OfficeForm form = OfficeForm.read(PostedForm.fields(), null);
        return save(k, form, true, () -> {
            if (k == Kind.UNIT) {
                intake.createUnit(form.record());
            } else {
                intake.createAgency(form.record());
            }
        });
    }

    @GET
    @Path("{kind}/{code}")
    public TemplateInstance office(@PathParam("kind") String kind, @PathParam("code") String code) {
        Kind k = Kind.of(kind);
        return page(k, OfficeForm.of(k == Kind.UNIT ? intake.unit(code) : intake.agency(code)), false, FormErrors.none());
    }

    @POST
    @Path("{kind}/{code}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("kind") String kind, @PathParam("code") String code) {
        Kind k = Kind.of(kind);
        OfficeForm form = OfficeForm.read(PostedForm.fields(), code);
        return save(k, form, false, () -> {
            if (k == Kind.UNIT) {
                intake.putUnit(code, form.record());
            } else {
                intake.putAgency(code, form.record());
            }
        });
    }

    @GET
    @Path("don-vi/{code}/gio-tiep-nhan")
    public TemplateInstance hours(@PathParam("code") String code, @QueryParam("xong") String done) {
        IntakeClient.HoursView current = intake.officeHours(code);
        return Done.shown(Templates.hours(intake.unit(code), current, HoursForm.of(current), FormErrors.none()), done);
    }

    @POST
    @Path("don-vi/{code}/gio-tiep-nhan")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setHours(@PathParam("code") String code) {
        HoursForm form = HoursForm.read(PostedForm.fields());
        HoursForm.Request request = form.request();
        return Pages.actOrShow(() -> intake.setOfficeHours(code, request.hours()),
                e -> Templates.hours(intake.unit(code), intake.officeHours(code), form, FormErrors.of(e, request.place())),
                Done.HOURS_SAVED.on("/quan-tri/co-quan/don-vi/" + code + "/gio-tiep-nhan"));
    }

    private Response save(Kind kind, OfficeForm form, boolean creating, Runnable action) {
        return Pages.actOrShow(action, e -> page(kind, form, creating, FormErrors.of(e, OfficeForm::place)),
                Done.OFFICE_SAVED.on("/quan-tri/co-quan"));
    }

    private TemplateInstance page(Kind kind, OfficeForm form, boolean creating, FormErrors errors) {
        List<IntakeClient.Office> parents = kind == Kind.UNIT ? intake.units(500).items() : intake.agencies(500).items();
        return Templates.office(kind, form, creating, parents, errors);
    }
}
