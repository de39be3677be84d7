package vn.motcua.platform.audit;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * The audit chain of every service (docs/AUDIT.md): its verification and export, for administrators.
 */
@Path("/api/admin/audit")
@Blocking
public class AuditResource {
    private final AuditStore store;
    private final AuditSealer sealer;

    public AuditResource(AuditStore store, AuditSealer sealer) {
        this.store = store;
        this.sealer = sealer;
    }

    /**
     * Walks the whole chain: {@code ok}, {@code entries}, {@code head} (the last hash), {@code firstBroken} (the id of
     * the first entry that does not hold, null when all do), with the position, the reason in words, the checkpoints
     * whose signatures held and the entries not sealed yet.
     */
    @GET
    @Path("verify")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public AuditStore.Report verify() {
        return store.verify();
    }

    /** The chain as tab-separated lines, for {@code AuditVerifier chain FILE KEY} on the auditor's machine. */
    @GET
    @Path("export")
    @Produces("text/tab-separated-values")
    @RolesAllowed("admin")
    public Response export() {
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            store.export(writer);
            writer.flush();
        };
        return Response.ok(body).header("Content-Disposition",
                "attachment; filename=\"audit-" + sealer.service() + ".tsv\"").build();
    }
}
