package vn.motcua.result.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.motcua.result.config.ResultConfig;
import vn.motcua.result.domain.PublicStatusLookup;

/** The citizen's status lookup: no token, the dossier code and its PIN (from the receipt). */
@Path("/api/public/dossiers")
@PermitAll
public class PublicDossierResource {
    private final PublicStatusLookup lookup;
    private final boolean trustForwardedFor;

    public PublicDossierResource(PublicStatusLookup lookup, ResultConfig config) {
        this.lookup = lookup;
        this.trustForwardedFor = config.lookup().trustForwardedFor();
    }

    @GET
    @Path("/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Tra cứu tình trạng hồ sơ bằng mã hồ sơ và mã tra cứu (PIN)",
            description = "Mã sai và PIN sai cùng trả về 404; quá 10 lần sai mỗi phút từ một địa chỉ trả về 429.")
    public Response status(@PathParam("code") String code, @QueryParam("pin") String pin,
                           @Context HttpServerRequest request) {
        String client = ClientAddress.resolve(
                request.remoteAddress() == null ? null : request.remoteAddress().hostAddress(),
                request.getHeader("X-Forwarded-For"), trustForwardedFor);
        DossierStatusView view = DossierStatusView.of(lookup.lookup(code, pin, client));
        // The PIN is in the URL: keep the answer out of shared caches.
        return Response.ok(view).header("Cache-Control", "no-store").build();
    }
}
