package vn.motcua.routing.api;

import vn.motcua.platform.audit.AccessLog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.motcua.documents.ApologyData;
import vn.motcua.documents.ApologyForm;
import vn.motcua.documents.ControlSheetForm;
import vn.motcua.documents.StopNoticeData;
import vn.motcua.documents.StopNoticeForm;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.routing.domain.Caller;
import vn.motcua.routing.domain.Catalog;
import vn.motcua.routing.domain.ClockActions;
import vn.motcua.routing.domain.Deadlines;
import vn.motcua.routing.domain.DossierQueries;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A dossier's clock and its process control sheet (Form 06, as JSON or PDF), for the agencies that had
 * one of its tasks and for supervisors (others get 404); the single extension with its apology (Form 04,
 * also as PDF) and the stop notice (Form 05, PDF).
 */
@Path("/api/dossiers/{code}")
@Produces(MediaType.APPLICATION_JSON)
public class DossierResource {
    private final DossierQueries queries;
    private final ClockActions clock;
    private final Deadlines deadlines;
    private final Callers callers;
    private final Catalog catalog;
    private final vn.motcua.routing.domain.AgencyWork work;
    private final AccessLog access;

    public DossierResource(DossierQueries queries, ClockActions clock, Deadlines deadlines, Callers callers,
                           Catalog catalog, vn.motcua.routing.domain.AgencyWork work, AccessLog access) {
        this.access = access;
        this.work = work;
        this.queries = queries;
        this.clock = clock;
        this.deadlines = deadlines;
        this.callers = callers;
        this.catalog = catalog;
    }

    @GET
    @RolesAllowed({Callers.AGENCY_OFFICER, Callers.SUPERVISOR})
    @Operation(summary = "The dossier's deadline clock: due dates, pause, extension, stop, obligations")
    public DossierView get(@PathParam("code") String code) {
        return DossierView.of(queries.visible(code, callers.current()));
    }

    /**
     * The control sheet as JSON by default, or as the PDF of Form 06 when the caller's Accept header
     * prefers {@code application/pdf} to JSON.
     */
    @GET
    @Path("/control-sheet")
    @Produces({MediaType.APPLICATION_JSON, PDF})
    @RolesAllowed({Callers.AGENCY_OFFICER, Callers.SUPERVISOR})
    @Operation(summary = "The process control sheet (Form 06): every handover with times, parties, result, on time;"
            + " JSON, or the PDF with Accept: application/pdf")
    public Response controlSheet(@PathParam("code") String code, @Context HttpHeaders headers) {
        DossierQueries.Found found = queries.visible(code, callers.current());
        OffsetDateTime now = deadlines.now();
        ControlSheet sheet = ControlSheet.of(found, work.activities(code), now);
        if (!prefersPdf(headers.getAcceptableMediaTypes())) {
            return Response.ok(sheet, MediaType.APPLICATION_JSON_TYPE).build();
        }
        access.recordRequest(code);
        return pdf(ControlSheetForm.render(DossierForms.controlSheet(found, DossierForms.Parties.of(found, catalog),
                sheet, now)), code + "-phieu-kiem-soat");
    }

    /** Form 04 for the dossier's single extension, issued by the agency at fault. */
    @GET
    @Path("/apology")
    @Produces(PDF)
    @RolesAllowed({Callers.AGENCY_OFFICER, Callers.SUPERVISOR})
    @Operation(summary = "Form 04, the apology and extension request, as PDF; 404 when the dossier has no extension")
    public Response apology(@PathParam("code") String code) {
        DossierQueries.Found found = queries.visible(code, callers.current());
        ApologyData data = DossierForms.apology(found, DossierForms.Parties.of(found, catalog));
        if (data == null) {
            throw ProblemException.notFound("Hồ sơ " + code + " không được gia hạn nên không có văn bản xin lỗi.");
        }
        access.recordRequest(code);
        return pdf(ApologyForm.render(data), code + "-xin-loi-gia-han");
    }

    /** Form 05, the notice that processing stopped, issued by the stopping agency. */
    @GET
    @Path("/stop-notice")
    @Produces(PDF)
    @RolesAllowed({Callers.AGENCY_OFFICER, Callers.SUPERVISOR})
    @Operation(summary = "Form 05, the stop notice, as PDF; 404 when processing was not stopped")
    public Response stopNotice(@PathParam("code") String code) {
        DossierQueries.Found found = queries.visible(code, callers.current());
        StopNoticeData data = DossierForms.stopNotice(found, DossierForms.Parties.of(found, catalog));
        if (data == null) {
            throw ProblemException.notFound("Hồ sơ " + code + " không bị dừng giải quyết nên không có thông báo dừng.");
        }
        access.recordRequest(code);
        return pdf(StopNoticeForm.render(data), code + "-thong-bao-dung");
    }

    static final String PDF = "application/pdf";
    private static final MediaType PDF_TYPE = MediaType.valueOf(PDF);

    /**
     * Whether the first acceptable type (they come sorted by preference) that is JSON or PDF is PDF;
     * no Accept, {@code *}{@code /*} or a tie keep JSON.
     */
    static boolean prefersPdf(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (type.isCompatible(PDF_TYPE)) {
                return true;
            }
        }
        return false;
    }

    private static Response pdf(byte[] pdf, String name) {
        return Response.ok(pdf, PDF).header("Content-Disposition", "inline; filename=\"" + name + ".pdf\"").build();
    }

    @POST
    @Path("/extension")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Callers.AGENCY_OFFICER)
    @Operation(summary = "The single new appointment with the apology (Form 04); a second one answers 409")
    public DossierView extend(@PathParam("code") String code, @Valid @NotNull ActionRequests.Extension request) {
        Caller caller = callers.officer();
        clock.extend(code, caller, request.newDueAt(), request.reason().strip(),
                TaskResource.blankToNull(request.apologyRef()), request.signedBy().strip(),
                TaskResource.blankToNull(request.signerTitle()));
        return DossierView.of(queries.visible(code, caller));
    }
}
