package vn.motcua.result.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.motcua.platform.problem.Problem;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.result.domain.PublicStatusLookup;
import vn.motcua.result.domain.Ratings;
import vn.motcua.shared.events.result.DossierRated;
import vn.motcua.shared.events.result.Satisfaction;

import java.util.ArrayList;
import java.util.List;

/** The citizen's status lookup and rating: no token, the dossier code and its PIN (from the receipt). */
@Path("/api/public/dossiers")
@PermitAll
public class PublicDossierResource {
    private final PublicStatusLookup lookup;
    private final Ratings ratings;
    private final ClientAddress clients;

    public PublicDossierResource(PublicStatusLookup lookup, Ratings ratings, ClientAddress clients) {
        this.lookup = lookup;
        this.ratings = ratings;
        this.clients = clients;
    }

    @GET
    @Path("/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Tra cứu tình trạng hồ sơ bằng mã hồ sơ và mã tra cứu (PIN)",
            description = "Mã sai và PIN sai cùng trả về 404. Sau 10 lần sai trong một phút từ một địa chỉ, hoặc 10 lần sai"
                    + " trong một giờ với một mã hồ sơ, mọi lần tra cứu trong phạm vi đó trả về 429 (kể cả PIN đúng) cho đến hết thời gian chờ.")
    public Response status(@PathParam("code") String code, @QueryParam("pin") String pin,
                           @Context HttpServerRequest request) {
        DossierStatusView view = DossierStatusView.of(lookup.lookup(code, pin, client(request)));
        // The PIN is in the URL: keep the answer out of shared caches.
        return Response.ok(view).header("Cache-Control", "no-store").build();
    }

    /**
     * The citizen's rating (DOMAIN.md criteria). {@code onTime}: their own answer; {@code contactCount}: how
     * many times they had to come or call; {@code agenciesContacted}: how many agencies they dealt with.
     */
    public record RatingRequest(Boolean onTime, Integer contactCount, Integer agenciesContacted,
                                Satisfaction staffAttitude, Satisfaction openness, Satisfaction overall, String comment) {
    }

    @POST
    @Path("/{code}/rating")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Đánh giá mức độ hài lòng sau khi nhận kết quả (mã hồ sơ và mã tra cứu)",
            description = "Mã sai và PIN sai cùng trả về 404 và cùng bị giới hạn; 409 khi chưa trả kết quả hoặc đã đánh giá.")
    public Response rate(@PathParam("code") String code, @QueryParam("pin") String pin, RatingRequest body,
                         @Context HttpServerRequest request) {
        Ratings.Answers answers = answers(body);
        DossierRated rated = ratings.rate(code, pin, client(request), answers);
        return Response.status(Response.Status.CREATED).entity(rated).header("Cache-Control", "no-store").build();
    }

    private static Ratings.Answers answers(RatingRequest body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (body == null) {
            body = new RatingRequest(null, null, null, null, null, null, null);
        }
        required(body.onTime(), "onTime", errors);
        count(body.contactCount(), "contactCount", 1, errors);
        count(body.agenciesContacted(), "agenciesContacted", 1, errors);
        required(body.staffAttitude(), "staffAttitude", errors);
        required(body.openness(), "openness", errors);
        required(body.overall(), "overall", errors);
        String comment = body.comment() == null || body.comment().isBlank() ? null : body.comment().strip();
        if (comment != null && comment.length() > 1000) {
            errors.add(new Problem.FieldError("comment", "tối đa 1000 ký tự"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return new Ratings.Answers(body.onTime(), body.contactCount(), body.agenciesContacted(), body.staffAttitude(),
                body.openness(), body.overall(), comment);
    }

    private static void required(Object value, String field, List<Problem.FieldError> errors) {
        if (value == null) {
            errors.add(new Problem.FieldError(field, "bắt buộc"));
        }
    }

    private static void count(Integer value, String field, int min, List<Problem.FieldError> errors) {
        if (value == null) {
            errors.add(new Problem.FieldError(field, "bắt buộc"));
        } else if (value < min || value > 100) {
            errors.add(new Problem.FieldError(field, "phải từ " + min + " đến 100"));
        }
    }

    private String client(HttpServerRequest request) {
        return clients.of(request);
    }
}
