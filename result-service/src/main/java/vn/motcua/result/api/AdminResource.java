package vn.motcua.result.api;

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

    public AdminResource(ProjectionReplay replay) {
        this.replay = replay;
    }

    @POST
    @Path("/replay")
    @Operation(summary = "Dựng lại dữ liệu tra cứu từ đầu các topic Kafka (intake, routing, result)")
    public ProjectionReplay.Outcome replay() {
        return replay.replay();
    }
}
