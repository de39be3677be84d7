package vn.motcua.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.motcua.shared.dossier.IllegalTransitionException;
import vn.motcua.shared.dossier.RoleNotAllowedException;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every exception that reaches REST into problem details: expected ones with their own status,
 * bad input as 400, a database that cannot be reached as 503, and anything else as a 500 whose detail
 * carries only an incident id (the stack trace goes to the log, never to the client).
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    AdmissionControl admission;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder response = respond(e.problem().withInstance(path(uri)));
        if (e.retryAfter() != null) {
            response.header("Retry-After", Math.max(1, e.retryAfter().toSeconds()));
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toList());
        return respond(ProblemException.validation(errors).problem().withInstance(path(uri))).build();
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String detail = "Nội dung yêu cầu không phải JSON hợp lệ.";
        List<Problem.FieldError> errors = List.of();
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = e instanceof InvalidFormatException ? "giá trị không đúng kiểu" : "sai kiểu dữ liệu";
            errors = List.of(new Problem.FieldError(field, message));
            detail = "Trường dữ liệu có kiểu không đúng.";
        }
        return respond(Problem.of("malformed-request", "Yêu cầu không đúng định dạng", 400, detail)
                .withErrors(errors).withInstance(path(uri))).build();
    }

    /** Declared for the subclass too: Quarkus ships its own mapper for it, which would otherwise win. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    /**
     * A definition error while reading a request is the request's doing (a body Jackson cannot bind); while
     * writing a response it is ours. Declared for the subclass: Quarkus's own mapper answers a bare 500.
     */
    @ServerExceptionMapper
    public Response invalidDefinition(InvalidDefinitionException e, UriInfo uri) {
        return e.getProcessor() instanceof JsonParser ? malformedJson(e, uri) : unexpected(e, uri);
    }

    /**
     * No token where one is needed, or a token the OIDC layer refused: 401 with problem details (Quarkus's own
     * mappers answer an empty body) and the bearer challenge.
     */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return respond(ProblemException.unauthenticated().problem().withInstance(path(uri)))
                .header("WWW-Authenticate", ProblemException.BEARER_CHALLENGE).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of("forbidden", "Không có quyền thực hiện", 403,
                "Vai trò của bạn không được phép thực hiện thao tác này.").withInstance(path(uri))).build();
    }

    /** An action the dossier's state does not allow: 409, with the state it is in and what it allows. */
    @ServerExceptionMapper
    public Response illegalTransition(IllegalTransitionException e, UriInfo uri) {
        return respond(ProblemException.conflict("illegal-transition", "Hồ sơ đang ở trạng thái \""
                + e.from().citizenText() + "\" nên không thể thực hiện thao tác này.").problem()
                .withInstance(path(uri))).build();
    }

    @ServerExceptionMapper
    public Response roleNotAllowed(RoleNotAllowedException e, UriInfo uri) {
        return forbidden(new ForbiddenException(e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response concurrentChange(OptimisticLockException e, UriInfo uri) {
        return respond(ProblemException.conflict("concurrent-modification",
                "Hồ sơ vừa được người khác thay đổi; hãy tải lại và thử lại.").problem().withInstance(path(uri))).build();
    }

    @ServerExceptionMapper
    public Response lockTimeout(PessimisticLockException e, UriInfo uri) {
        return concurrentChange(new OptimisticLockException(e), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse() != null ? e.getResponse().getStatus() : 500;
        if (status == 500) {
            return unexpected(e, uri);
        }
        Problem problem = switch (status) {
            // The framework's own messages ("HTTP 415 Unsupported Media Type", class names) never reach the caller:
            // each status gets a sentence of ours (issue 17).
            case 400 -> Problem.of("malformed-request", "Yêu cầu không đúng định dạng", 400,
                    "Không đọc được yêu cầu: tham số hoặc nội dung không đúng định dạng.");
            case 401 -> ProblemException.unauthenticated().problem();
            case 403 -> Problem.of("forbidden", "Không có quyền thực hiện", 403, "Vai trò của bạn không được phép thực hiện thao tác này.");
            case 404 -> Problem.of("not-found", "Không tìm thấy", 404, "Không có tài nguyên tại địa chỉ này.");
            case 405 -> Problem.of("method-not-allowed", "Phương thức không được hỗ trợ", 405,
                    "Địa chỉ này không nhận phương thức HTTP đã dùng; các phương thức được nhận có trong tiêu đề Allow.");
            case 406 -> Problem.of("not-acceptable", "Định dạng phản hồi không được hỗ trợ", 406,
                    "Không trả được định dạng nêu trong tiêu đề Accept; hãy nhận application/json.");
            case 415 -> Problem.of("unsupported-media-type", "Định dạng nội dung không được hỗ trợ", 415,
                    "Nội dung gửi lên không đúng định dạng thao tác này nhận (thường là application/json; charset=utf-8).");
            default -> Problem.of("http-" + status, "Yêu cầu không thể thực hiện", status,
                    "Yêu cầu không thể thực hiện (HTTP " + status + ").");
        };
        Response.ResponseBuilder response = respond(problem.withInstance(path(uri)));
        if (e.getResponse() != null) {
            e.getResponse().getHeaders().forEach((name, values) -> {
                if (name.equalsIgnoreCase("Allow") || name.equalsIgnoreCase("WWW-Authenticate")) {
                    values.forEach(v -> response.header(name, v));
                }
            });
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseErrors.poolExhausted(e)) {
            // Overload, not an outage: every database connection is busy. Nothing was written.
            LOG.debugf("connection pool exhausted on %s", path(uri));
            return admission.overloaded(path(uri));
        }
        if (DatabaseErrors.unreachable(e)) {
            LOG.warnf("database unreachable on %s: %s", path(uri), e.toString());
            ProblemException unavailable = ProblemException.unavailable(
                    "Cơ sở dữ liệu tạm thời không kết nối được; không có thay đổi nào được ghi. Vui lòng thử lại.");
            return problem(unavailable, uri);
        }
        if (DatabaseErrors.badData(e)) {
            // The client's text or number, which PostgreSQL refused (NUL in text, out of range): nothing written.
            return respond(Problem.of("malformed-request", "Yêu cầu không đúng định dạng", 400,
                    "Dữ liệu gửi lên có ký tự hoặc giá trị không hợp lệ (ví dụ ký tự NUL).").withInstance(path(uri))).build();
        }
        if (malformedMultipart(e)) {
            // a form upload whose body ends early or breaks its own boundaries (the fuzzer's): nothing was read
            return respond(Problem.of("malformed-request", "Yêu cầu không đúng định dạng", 400,
                    "Nội dung multipart/form-data không đọc được (thiếu ranh giới hoặc bị cắt ngang).")
                    .withInstance(path(uri))).build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s", incident, path(uri));
        return respond(Problem.of("internal-error", "Lỗi hệ thống", 500,
                "Đã xảy ra lỗi không mong muốn; mã sự cố " + incident + ".").withInstance(path(uri))).build();
    }

    /** The multipart reader's own failures: the body, not the service, is broken. */
    static boolean malformedMultipart(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException && t.getMessage() != null
                    && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("multipart")) {
                return true;
            }
        }
        return false;
    }

    private static Response.ResponseBuilder respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        // "create.arg0.applicant.idNumber" -> "applicant.idNumber": drop the method and parameter nodes.
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
