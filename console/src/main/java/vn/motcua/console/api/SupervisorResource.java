package vn.motcua.console.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.motcua.console.client.ResultClient;
import vn.motcua.console.client.RoutingClient;
import vn.motcua.console.view.Formats;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The supervisor's Decision 766 counts with bars, the overdue tasks and the log book download. */
@Path("/giam-sat")
@Produces(MediaType.TEXT_HTML)
public class SupervisorResource {
    private final ResultClient result;
    private final RoutingClient routing;

    public SupervisorResource(@RestClient ResultClient result, @RestClient RoutingClient routing) {
        this.result = result;
        this.routing = routing;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance progress(ResultClient.Report report, LocalDate from, LocalDate to);

        static native TemplateInstance overdue(List<RoutingClient.Task> tasks);
    }

    @GET
    public TemplateInstance progress(@QueryParam("tu") String from, @QueryParam("den") String to) {
        LocalDate today = LocalDate.now(Formats.VIETNAM);
        LocalDate end = day(to, today);
        LocalDate start = day(from, end.withDayOfMonth(1));
        return Templates.progress(result.progress(start, end), start, end);
    }

    /** Open tasks past their due time, most overdue first (routing lists in due order). */
    @GET
    @Path("qua-han")
    public TemplateInstance overdue() {
        OffsetDateTime now = OffsetDateTime.now(Formats.VIETNAM);
        List<RoutingClient.Task> overdue = routing.tasks(null, null, 0, 500).items().stream()
                .filter(t -> ("ASSIGNED".equals(t.status()) || "CLAIMED".equals(t.status()))
                        && t.dueAt() != null && t.dueAt().isBefore(now))
                .toList();
        return Templates.overdue(overdue);
    }

    @GET
    @Path("so-theo-doi")
    @Produces({"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.TEXT_HTML})
    public Response logBook(@QueryParam("tu") String from, @QueryParam("den") String to) {
        LocalDate end = day(to, LocalDate.now(Formats.VIETNAM));
        LocalDate start = day(from, end.withDayOfMonth(1));
        return Response.ok(result.logBook(start, end, "xlsx"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Content-Disposition", "attachment; filename=\"so-theo-doi-" + start + "-" + end + ".xlsx\"")
                .build();
    }

    private static LocalDate day(String value, LocalDate fallback) {
        try {
            return value == null || value.isBlank() ? fallback : LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
