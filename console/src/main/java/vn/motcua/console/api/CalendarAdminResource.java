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
import org.jboss.resteasy.reactive.RestForm;
import vn.motcua.console.client.IntakeClient;
import vn.motcua.console.view.Officer;
import vn.motcua.console.view.FormErrors;
import vn.motcua.console.view.Formats;

import java.time.LocalDate;
import java.util.List;

/**
 * A year's calendar: holidays, days off and make-up working days; the administrator adds or removes a day off or a
 * make-up working day, which replaces the year's table at intake for every service (role admin, on the officer's token).
 */
@Path("/quan-tri/lich")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Officer.ADMIN)
public class CalendarAdminResource {
    private final IntakeClient intake;

    public CalendarAdminResource(@RestClient IntakeClient intake) {
        this.intake = intake;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance calendar(int year, List<IntakeClient.CalendarEntry> entries, CalendarEdit.Typed typed,
                                                FormErrors errors);
    }

    @GET
    public TemplateInstance calendar(@QueryParam("nam") Integer year, @QueryParam("xong") String done) {
        int y = year == null || year < 2000 || year > 2099 ? LocalDate.now(Formats.VIETNAM).getYear() : year;
        return Done.shown(Templates.calendar(y, intake.holidays(y), CalendarEdit.Typed.blank(), FormErrors.none()), done);
    }

    @POST
    @Path("{year}/them")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@PathParam("year") int year, @RestForm String date, @RestForm String kind, @RestForm String name,
                        @RestForm String source) {
        checkYear(year);
        CalendarEdit.Typed typed = new CalendarEdit.Typed(date, kind, name, source);
        List<IntakeClient.CalendarEntry> entries = intake.holidays(year);
        CalendarEdit.Outcome outcome = CalendarEdit.add(year, entries, typed);
        if (outcome.errors().any()) {
            return Pages.refused(Templates.calendar(year, entries, typed, outcome.errors()),
                    "Chưa thêm được ngày: hãy sửa các ô được đánh dấu bên dưới.");
        }
        return Pages.actOrShow(() -> intake.replaceYear(year, CalendarEdit.table(outcome.entries(), source)),
                e -> Templates.calendar(year, entries, typed, FormErrors.of(e,
                        path -> path.startsWith("entries") ? new FormErrors.Target("date", "Ngày") : null)),
                Done.DAY_ADDED.on("/quan-tri/lich?nam=" + year));
    }

    @POST
    @Path("{year}/xoa")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("year") int year, @RestForm String date, @RestForm String kind) {
        checkYear(year);
        LocalDate day = CalendarEdit.parse(date);
        List<IntakeClient.CalendarEntry> entries = intake.holidays(year);
        List<IntakeClient.CalendarEntry> kept = day == null ? entries : CalendarEdit.remove(entries, day, kind);
        if (kept.size() == entries.size()) {
            // already gone (another administrator, a second press): nothing to replace
            return Pages.seeOther(Done.DAY_REMOVED.on("/quan-tri/lich?nam=" + year));
        }
        return Pages.act(() -> intake.replaceYear(year, CalendarEdit.table(kept, null)),
                () -> Templates.calendar(year, entries, CalendarEdit.Typed.blank(), FormErrors.none()),
                Done.DAY_REMOVED.on("/quan-tri/lich?nam=" + year));
    }

    private static void checkYear(int year) {
        if (year < 2000 || year > 2099) {
            throw new NotFoundException();
        }
    }
}
