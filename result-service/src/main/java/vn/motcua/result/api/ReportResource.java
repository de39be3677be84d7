package vn.motcua.result.api;

import vn.motcua.platform.audit.AccessLog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.motcua.platform.problem.Problem;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.result.config.ResultConfig;
import vn.motcua.result.domain.LogBook;
import vn.motcua.result.domain.ProgressReport;
import vn.motcua.shared.events.EventJson;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Supervisors' reports: Decision 766 progress counts and the log book (Form 07 of Circular 03/2025). */
@Path("/api/reports")
@RolesAllowed("supervisor")
public class ReportResource {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv";
    static final String PDF = "application/pdf";

    private final ProgressReport progress;
    private final LogBook logBook;
    private final ResultConfig.LogBookForm form;

    private final AccessLog access;

    public ReportResource(ProgressReport progress, LogBook logBook, ResultConfig config, AccessLog access) {
        this.access = access;
        this.progress = progress;
        this.logBook = logBook;
        this.form = config.logBook();
    }

    @GET
    @Path("/progress")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Tình hình tiếp nhận và giải quyết hồ sơ (Quyết định 766/QĐ-TTg), theo cơ quan và thủ tục")
    public ProgressReport.Report progress(@QueryParam("from") String from, @QueryParam("to") String to,
                                          @QueryParam("agency") String agency) {
        LocalDate[] period = period(from, to);
        return progress.progress(period[0], period[1], agency == null || agency.isBlank() ? null : agency.strip());
    }

    /**
     * The log book as CSV; as XLSX or as the PDF of Form 07 with {@code format=xlsx|pdf} or an {@code Accept}
     * asking for it ({@code format} wins over {@code Accept}).
     */
    @GET
    @Path("/log-book")
    @Produces({CSV, XLSX, PDF})
    @Operation(summary = "Sổ theo dõi hồ sơ (Mẫu 07, Thông tư 03/2025) theo ngày tiếp nhận: CSV, XLSX hoặc PDF")
    public Response logBook(@QueryParam("from") String from, @QueryParam("to") String to,
                            @QueryParam("format") String format, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        LocalDate[] period = period(from, to);
        String kind = format != null ? format.strip().toLowerCase(java.util.Locale.ROOT)
                : accept != null && accept.contains(PDF) ? "pdf"
                : accept != null && accept.contains(XLSX) ? "xlsx" : "csv";
        if (!List.of("csv", "xlsx", "pdf").contains(kind)) {
            throw ProblemException.validation(List.of(new Problem.FieldError("format", "csv, xlsx hoặc pdf")));
        }
        String name = "so-theo-doi-ho-so_" + period[0] + "_" + period[1] + "." + kind;
        String disposition = "attachment; filename=\"" + name + "\"";
        if (kind.equals("pdf")) {
            List<LogBook.Entry> entries = logBook.entries(period[0], period[1], LogBook.MAX_PDF_ENTRIES);
            access.recordRequest(entries.stream().map(LogBook.Entry::code).toList());
            byte[] pdf = LogBookPdf.render(form, period[0], period[1], entries, OffsetDateTime.now(EventJson.VIETNAM));
            return Response.ok(pdf, PDF).header("Content-Disposition", disposition).build();
        }
        List<LogBook.Entry> entries = logBook.entries(period[0], period[1]);
        access.recordRequest(entries.stream().map(LogBook.Entry::code).toList());
        boolean xlsx = kind.equals("xlsx");
        StreamingOutput body = out -> {
            if (xlsx) {
                LogBookFiles.xlsx(entries, out);
            } else {
                LogBookFiles.csv(entries, out);
            }
        };
        return Response.ok(body, xlsx ? XLSX : CSV + "; charset=UTF-8").header("Content-Disposition", disposition).build();
    }

    /** Reports cover the years a one-stop shop can have records of (the fuzzer's +999999999 overflowed a check). */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    /** from and to as YYYY-MM-DD within FIRST_YEAR–LAST_YEAR, from not after to, at most ten years apart. */
    private static LocalDate[] period(String from, String to) {
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalDate start = date("from", from, errors);
        LocalDate end = date("to", to, errors);
        if (start != null && end != null && start.isAfter(end)) {
            errors.add(new Problem.FieldError("to", "không được trước ngày bắt đầu (from)"));
        }
        if (start != null && end != null && start.plusYears(10).isBefore(end)) {
            errors.add(new Problem.FieldError("to", "kỳ báo cáo tối đa 10 năm"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return new LocalDate[] {start, end};
    }

    private static LocalDate date(String field, String value, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new Problem.FieldError(field, "bắt buộc, dạng YYYY-MM-DD"));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
                errors.add(new Problem.FieldError(field, "ngoài phạm vi báo cáo (năm " + FIRST_YEAR + "–" + LAST_YEAR + ")"));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "không phải ngày dạng YYYY-MM-DD"));
            return null;
        }
    }
}
