package vn.motcua.platform.problem;

import java.time.Duration;
import java.util.List;

/**
 * Thrown by services for every expected failure; mapped to {@code application/problem+json} with its
 * status. The factories name the kinds of error the whole system uses, so that one kind has one
 * {@code type} everywhere.
 */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;
    private final Duration retryAfter;

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    public ProblemException(Problem problem, Duration retryAfter) {
        super(problem.detail() != null ? problem.detail() : problem.title());
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    public Problem problem() {
        return problem;
    }

    /** For 429 and 503: how long the client should wait, sent as {@code Retry-After}. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The challenge of a 401: our APIs take OAuth 2 bearer tokens (RFC 6750). */
    public static final String BEARER_CHALLENGE = "Bearer realm=\"motcua\"";

    /** No token, or one that is malformed, expired, forged or meant for someone else. */
    public static ProblemException unauthenticated() {
        return new ProblemException(Problem.of("unauthenticated", "Chưa đăng nhập", 401,
                "Cần mã truy cập (access token) hợp lệ."));
    }

    public static ProblemException badRequest(String slug, String detail) {
        return new ProblemException(Problem.of(slug, "Yêu cầu không hợp lệ", 400, detail));
    }

    public static ProblemException validation(List<Problem.FieldError> errors) {
        return new ProblemException(Problem.of("validation-failed", "Dữ liệu không hợp lệ", 400,
                "Một hoặc nhiều trường dữ liệu không hợp lệ.").withErrors(errors));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of("not-found", "Không tìm thấy", 404, detail));
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(Problem.of(slug, "Xung đột trạng thái", 409, detail));
    }

    public static ProblemException unprocessable(String slug, String detail) {
        return new ProblemException(Problem.of(slug, "Không thể xử lý yêu cầu", 422, detail));
    }

    public static ProblemException tooManyRequests(Duration retryAfter) {
        return new ProblemException(Problem.of("too-many-requests", "Quá nhiều yêu cầu", 429,
                "Bạn đã thử quá nhiều lần. Vui lòng thử lại sau " + Math.max(1, retryAfter.toSeconds()) + " giây."),
                retryAfter);
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(Problem.of("service-unavailable", "Dịch vụ tạm thời không khả dụng", 503, detail),
                Duration.ofSeconds(5));
    }
}
