package vn.motcua.routing.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.motcua.platform.problem.Problem;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.routing.domain.OfficerReports;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The head's report per officer and step (issue 24). */
@Path("/api/reports/officers")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {
    /** A year and a day at most, so the one query stays bounded. */
    static final long MAX_DAYS = 366;

    private final OfficerReports reports;
    private final Callers callers;

    public ReportResource(OfficerReports reports, Callers callers) {
        this.reports = reports;
        this.callers = callers;
    }

    /** The list envelope: one line per officer and step. */
    public record Report(LocalDate from, LocalDate to, List<OfficerReports.Line> items, int page, int size, long total) {
    }

    @GET
    @RolesAllowed(Callers.AGENCY_LEAD)
    @Operation(summary = "The head: steps completed in the period per officer and step, early / on time / late")
    public Report officers(@QueryParam("from") String from, @QueryParam("to") String to) {
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalDate start = date("from", from, errors);
        LocalDate end = date("to", to, errors);
        if (start != null && end != null && (end.isBefore(start) || ChronoUnit.DAYS.between(start, end) > MAX_DAYS)) {
            errors.add(new Problem.FieldError("to", "phải từ ngày from đến tối đa " + MAX_DAYS + " ngày sau"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        List<OfficerReports.Line> lines = reports.of(callers.officer(), start, end);
        return new Report(start, end, lines, 0, lines.size(), lines.size());
    }

    private static LocalDate date(String name, String value, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new Problem.FieldError(name, "bắt buộc (YYYY-MM-DD)"));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(name, "phải là ngày dạng YYYY-MM-DD"));
            return null;
        }
    }
}
