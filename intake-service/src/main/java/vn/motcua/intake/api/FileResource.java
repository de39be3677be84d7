package vn.motcua.intake.api;

import vn.motcua.platform.audit.AccessLog;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import vn.motcua.intake.domain.Dossier;
import vn.motcua.intake.domain.DossierFile;
import vn.motcua.intake.domain.DossierFiles;
import vn.motcua.platform.api.Page;
import vn.motcua.platform.idempotency.IdempotencyKeys;
import vn.motcua.platform.problem.ProblemException;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The files of a dossier: scans uploaded at the counter, listed and read by whoever may see the dossier (its unit's
 * counter officers, supervisors, administrators, the agencies it is routed to); anyone else gets 404.
 */
@Path("/api/dossiers/{code}/files")
public class FileResource {
    private final DossierFiles files;
    private final JsonWebToken token;
    private final SecurityIdentity identity;

    private final AccessLog access;

    public FileResource(DossierFiles files, JsonWebToken token, SecurityIdentity identity, AccessLog access) {
        this.access = access;
        this.files = files;
        this.token = token;
        this.identity = identity;
    }

    /** The form of an upload, as the OpenAPI document shows it. */
    @Schema(name = "FileUploadForm")
    public static class UploadForm {
        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary",
                description = "PDF, JPEG or PNG (recognised by content), at most motcua.files.max-bytes (20 MB)")
        public String file;
        @Schema(description = "index of the procedure's required document (0-based)", example = "0")
        public int component;
    }

    /** Upload a scan of one component (thành phần hồ sơ); optional Idempotency-Key as for the other POSTs. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("counter-officer")
    @Operation(summary = "Upload a file of the dossier (multipart: file, component)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = UploadForm.class)))
    @APIResponse(responseCode = "201", description = "stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DossierFiles.FileView.class)))
    @APIResponse(responseCode = "400", description = "no file, or a component that is not an index of the procedure's documents",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "no such dossier for this caller",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "the dossier is closed (refused, withdrawn, stopped, result handed back)",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "413", description = "file above the size limit (motcua.files.max-bytes)",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "415", description = "content is not PDF, JPEG or PNG, whatever its name",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "503", description = "the object store is unreachable; nothing was recorded",
            content = @Content(mediaType = "application/problem+json"))
    public Response upload(@PathParam("code") String code, @HeaderParam("Idempotency-Key") String idempotencyKey,
                           @RestForm("file") FileUpload file, @RestForm("component") String component,
                           @Context UriInfo uri) {
        DossierFiles.Caller caller = caller();
        Dossier dossier = files.writable(code, caller);
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.validation(List.of(new vn.motcua.platform.problem.Problem.FieldError("file",
                    "bắt buộc: tệp gửi kèm (multipart/form-data, trường file)")));
        }
        IdempotencyKeys.Outcome<DossierFiles.FileView> outcome =
                files.upload(dossier, component, file.fileName(), file.uploadedFile(), caller, idempotencyKey);
        return Response.status(outcome.status())
                .location(uri.getAbsolutePathBuilder().path(outcome.body().id().toString()).build())
                .header("Idempotent-Replayed", outcome.replayed())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(outcome.body()).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"counter-officer", "agency-officer", "supervisor", "admin"})
    @Operation(summary = "The dossier's files: name, component, size, type, sha256, who uploaded them and when")
    @APIResponse(responseCode = "200", description = "all the dossier's files, oldest first")
    @APIResponse(responseCode = "404", description = "no such dossier for this caller",
            content = @Content(mediaType = "application/problem+json"))
    public Page<DossierFiles.FileView> list(@PathParam("code") String code) {
        Dossier dossier = files.readable(code, caller());
        access.recordRequest(dossier.code);
        List<DossierFiles.FileView> all = files.list(dossier);
        return new Page<>(all, 0, all.size(), all.size());
    }

    @GET
    @Path("/{id}")
    @Produces({"application/pdf", "image/jpeg", "image/png"})
    @RolesAllowed({"counter-officer", "agency-officer", "supervisor", "admin"})
    @Operation(summary = "The bytes of one file, streamed from the object store")
    @APIResponse(responseCode = "200", description = "the bytes, ETag = their SHA-256", content = {
            @Content(mediaType = "application/pdf"), @Content(mediaType = "image/jpeg"), @Content(mediaType = "image/png")})
    @APIResponse(responseCode = "404", description = "no such dossier or file for this caller",
            content = @Content(mediaType = "application/problem+json"))
    public Response download(@PathParam("code") String code, @PathParam("id") String id) {
        Dossier dossier = files.readable(code, caller());
        DossierFile file = files.file(dossier, parse(id));
        access.recordRequest(dossier.code);
        ResponseInputStream<GetObjectResponse> bytes = files.open(file);
        StreamingOutput body = out -> {
            try (InputStream in = bytes) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, file.contentType)
                .header("Content-Length", file.sizeBytes)
                .header("Content-Disposition", "inline; filename*=UTF-8''"
                        + URLEncoder.encode(file.fileName, StandardCharsets.UTF_8).replace("+", "%20"))
                .header("ETag", "\"" + file.sha256 + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Không tìm thấy tệp " + id + ".");
        }
    }

    private DossierFiles.Caller caller() {
        boolean all = identity.hasRole("supervisor") || identity.hasRole("admin");
        String unit = identity.hasRole("counter-officer") ? token.getClaim("unit") : null;
        String agency = identity.hasRole("agency-officer") ? token.getClaim("agency") : null;
        return new DossierFiles.Caller(identity.getPrincipal().getName(), all, unit, agency);
    }
}
