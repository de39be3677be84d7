package vn.motcua.console.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import java.time.OffsetDateTime;

/**
 * The audit API every service carries from platform (docs/AUDIT.md, issue 23): who read personal data, and the
 * verdict on the service's audit chain. Each service's client extends it, so the console asks all four alike.
 */
public interface AuditApi {

    /** One reading of personal data: when, by whom, of which dossier, through which endpoint. */
    record Access(OffsetDateTime accessedAt, String actor, String dossierCode, String endpoint) {
    }

    /** The chain's verdict; {@code firstBrokenSeq} and {@code reason} name the first altered, deleted or moved entry. */
    record Verdict(boolean ok, long entries, String head, Long firstBroken, Long firstBrokenSeq, String reason,
                   int checkpoints, long pending, String keyId) {
    }

    /** Exactly one of {@code dossier} and {@code officer} (supervisor, admin). */
    @GET
    @Path("/api/admin/access-log")
    ListPage<Access> accessLog(@QueryParam("dossier") String dossier, @QueryParam("officer") String officer,
                               @QueryParam("page") int page, @QueryParam("size") int size);

    /** Admin only. */
    @GET
    @Path("/api/admin/audit/verify")
    Verdict verifyAudit();
}
