package vn.motcua.platform.audit;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import vn.motcua.platform.api.Page;
import vn.motcua.platform.problem.Problem;
import vn.motcua.platform.problem.ProblemException;

import java.util.List;

/** Who read whose personal data, for supervisors (docs/AUDIT.md). */
@Path("/api/admin/access-log")
@Blocking
public class AccessLogResource {
    private final AccessLog accessLog;

    public AccessLogResource(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    /**
     * Who read personal data: {@code dossier} (who read this dossier's data) or {@code officer} (what this officer
     * read), exactly one of them, newest first.
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"supervisor", "admin"})
    public Page<AccessLog.Access> accessLog(@QueryParam("dossier") String dossier, @QueryParam("officer") String officer,
                                            @QueryParam("page") String page, @QueryParam("size") String size) {
        boolean byDossier = dossier != null && !dossier.isBlank();
        boolean byOfficer = officer != null && !officer.isBlank();
        if (byDossier == byOfficer) {
            throw ProblemException.validation(List.of(new Problem.FieldError("dossier",
                    "cho biết đúng một trong hai: mã hồ sơ (dossier) hoặc tên cán bộ (officer)")));
        }
        return accessLog.list(byDossier ? dossier.strip() : null, byOfficer ? officer.strip() : null,
                Page.Request.of(page, size));
    }

}
