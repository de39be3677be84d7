package vn.motcua.result.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import vn.motcua.platform.audit.AuditLog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.motcua.result.domain.ProjectionReplay;

/** Operations of the read model. */
@Path("/api/admin/read-model")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {
    private final ProjectionReplay replay;
    private final AuditLog audit;

    public AdminResource(ProjectionReplay replay, AuditLog audit) {
        this.replay = replay;
        this.audit = audit;
    }

    @POST
    @Path("/replay")
    @Operation(summary = "Dựng lại dữ liệu tra cứu từ đầu các topic Kafka (intake, routing, result)")
    public ProjectionReplay.Outcome replay() {
        // the replay commits batch by batch, so it is recorded in a transaction of its own, before it starts
        QuarkusTransaction.requiringNew().run(() -> audit.record("read-model.replay", null, "{}"));
        return replay.replay();
    }
}
