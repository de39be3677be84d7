package vn.motcua.result.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.motcua.platform.api.Page;
import vn.motcua.platform.problem.Problem;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.result.domain.ResultReturns;
import vn.motcua.shared.events.ReturnChannel;
import vn.motcua.shared.events.result.ResultReturned;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Trả kết quả: the counter officers' ready-for-return queue and the hand-over of a result. */
@Path("/api")
@RolesAllowed("counter-officer")
@Produces(MediaType.APPLICATION_JSON)
public class ResultResource {
    private final ResultReturns returns;
    private final Callers callers;

    public ResultResource(ResultReturns returns, Callers callers) {
        this.returns = returns;
        this.callers = callers;
    }

    /** The hand-over: {@code receivedBy} is who took the result; {@code trackingNumber} is required by post. */
    public record ReturnRequest(ReturnChannel channel, String receivedBy, String trackingNumber) {
    }

    public record ReturnView(String code, OffsetDateTime returnedAt, ReturnChannel channel, String receivedBy,
                             String trackingNumber, String returnedBy, boolean onTime, String apologyRef) {
        static ReturnView of(ResultReturned e) {
            return new ReturnView(e.dossierCode(), e.returnedAt(), e.channel(), e.receivedBy(), e.trackingNumber(),
                    e.returnedBy(), e.onTime(), e.apologyRef());
        }
    }

    @GET
    @Path("/results/ready")
    @Operation(summary = "Hồ sơ đã giải quyết xong, chờ trả kết quả tại bộ phận một cửa của cán bộ")
    public Page<ResultReturns.Ready> ready(@QueryParam("page") String page, @QueryParam("size") String size) {
        return returns.ready(callers.unit(), Page.Request.of(page, size));
    }

    @POST
    @Path("/dossiers/{code}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Trả kết quả (tại quầy, qua bưu chính hoặc trực tuyến)",
            description = "409 khi hồ sơ chưa giải quyết xong hoặc đã trả kết quả; hồ sơ của bộ phận khác trả về 404.")
    public ReturnView handOver(@PathParam("code") String code, ReturnRequest body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (body == null || body.channel() == null) {
            errors.add(new Problem.FieldError("channel", "bắt buộc: COUNTER, POST hoặc ONLINE"));
        }
        String receivedBy = body == null ? null : text(body.receivedBy(), "receivedBy", 300, errors);
        String tracking = body == null ? null : text(body.trackingNumber(), "trackingNumber", 100, errors);
        if (body != null && body.channel() == ReturnChannel.POST && tracking == null) {
            errors.add(new Problem.FieldError("trackingNumber", "bắt buộc khi trả kết quả qua bưu chính"));
        }
        if (body != null && body.channel() == ReturnChannel.COUNTER && receivedBy == null) {
            errors.add(new Problem.FieldError("receivedBy", "bắt buộc khi trả kết quả tại quầy: người nhận kết quả"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return ReturnView.of(returns.handOver(code, new ResultReturns.Handover(body.channel(), receivedBy, tracking,
                callers.userName(), callers.unit())));
    }

    private static String text(String value, String field, int max, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > max) {
            errors.add(new Problem.FieldError(field, "tối đa " + max + " ký tự"));
        }
        return value.strip();
    }
}
