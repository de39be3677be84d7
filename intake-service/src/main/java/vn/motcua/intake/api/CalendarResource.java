package vn.motcua.intake.api;

import vn.motcua.platform.audit.Audited;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import vn.motcua.intake.domain.Calendars;
import vn.motcua.platform.problem.Problem;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.shared.calendar.CalendarEntry;
import vn.motcua.shared.calendar.OfficialYear;
import vn.motcua.shared.calendar.OfficialYear.Source;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The working-day calendar, public: holidays, days off and make-up days; deadline arithmetic. */
@Path("/api/calendar")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {
    public record Due(OffsetDateTime due) {
    }

    private final Calendars calendars;
    private final SecurityIdentity identity;

    public CalendarResource(Calendars calendars, SecurityIdentity identity) {
        this.calendars = calendars;
        this.identity = identity;
    }

    private static void checkYear(Integer year) {
        if (year == null || year < 2000 || year > 2099) {
            throw ProblemException.validation(List.of(new Problem.FieldError("year", "phải là năm từ 2000 đến 2099")));
        }
    }

    /**
     * Every statutory holiday on its own date ({@code HOLIDAY}, even on a rest day), substitute and
     * swapped days off ({@code DAY_OFF}), and make-up working days ({@code MAKEUP_WORKDAY}): the rules,
     * overridden by the official yearly table where one is loaded.
     */
    @GET
    @PermitAll
    @Path("/holidays")
    public List<CalendarEntry> holidays(@QueryParam("year") Integer year) {
        checkYear(year);
        return calendars.calculator().calendar().entries(year);
    }

    /** A year's official table as replaced by an administrator ({@code PUT /api/calendar/years/{year}}). */
    public record YearTable(@NotNull @Size(max = 20) List<@NotNull Source> sources,
                            @NotNull @Size(max = 100) List<@NotNull CalendarEntry> entries) {
    }

    /**
     * Replaces the official table of a year (days off and make-up working days as the Government
     * announced them), for this and every other service; answers the year's resulting entries.
     */
    @PUT
    @Path("/years/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Audited("calendar.year.replace")
    public List<CalendarEntry> replaceYear(@PathParam("year") int year, @Valid @NotNull YearTable table) {
        checkYear(year);
        OfficialYear official;
        try {
            official = new OfficialYear(year, table.sources(), table.entries());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.validation(List.of(new Problem.FieldError("entries", e.getMessage())));
        }
        calendars.publishYear(official, identity.getPrincipal().getName());
        return calendars.calculator().calendar().entries(year);
    }

    /** The due instant of {@code workingDays} working days counted from a receipt at {@code from}. */
    @GET
    @PermitAll
    @Path("/deadline")
    public Due deadline(@QueryParam("from") String from, @QueryParam("workingDays") Integer workingDays) {
        OffsetDateTime start;
        try {
            start = from == null ? null : OffsetDateTime.parse(from);
        } catch (DateTimeParseException e) {
            start = null;
        }
        if (start == null || workingDays == null || workingDays < 0 || workingDays > 1000
                || start.getYear() < 2000 || start.getYear() > 2098) {
            throw ProblemException.validation(List.of(
                    new Problem.FieldError("from", "thời điểm ISO-8601 có múi giờ, năm 2000–2098, ví dụ 2025-04-25T09:00:00+07:00"),
                    new Problem.FieldError("workingDays", "số nguyên từ 0 đến 1000")));
        }
        return new Due(calendars.calculator().dueAfterWorkingDays(start.toInstant(), workingDays));
    }
}
