package vn.motcua.console.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.motcua.console.client.IntakeClient;
import vn.motcua.console.view.Formats;

import java.time.LocalDate;
import java.util.List;

/** The administrator's views of the catalogue: procedures and their versions, units and agencies, a year's calendar. */
@Path("/quan-tri")
@Produces(MediaType.TEXT_HTML)
public class AdminResource {
    private final IntakeClient intake;

    public AdminResource(@RestClient IntakeClient intake) {
        this.intake = intake;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance procedures(List<IntakeClient.Procedure> procedures);

        static native TemplateInstance procedure(IntakeClient.ProcedureHistory procedure);

        static native TemplateInstance offices(List<IntakeClient.Office> units, List<IntakeClient.Office> agencies);

        static native TemplateInstance calendar(int year, List<IntakeClient.CalendarEntry> entries);
    }

    @GET
    public TemplateInstance procedures() {
        return Templates.procedures(intake.procedures(null, 500).items());
    }

    @GET
    @Path("thu-tuc/{code}")
    public TemplateInstance procedure(@PathParam("code") String code) {
        return Templates.procedure(intake.procedure(code));
    }

    @GET
    @Path("co-quan")
    public TemplateInstance offices() {
        return Templates.offices(intake.units(500).items(), intake.agencies(500).items());
    }

    @GET
    @Path("lich")
    public TemplateInstance calendar(@QueryParam("nam") Integer year) {
        int y = year == null || year < 2000 || year > 2099 ? LocalDate.now(Formats.VIETNAM).getYear() : year;
        return Templates.calendar(y, intake.holidays(y));
    }
}
