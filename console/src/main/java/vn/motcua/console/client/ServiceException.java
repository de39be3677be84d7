package vn.motcua.console.client;

import java.util.List;

/**
 * A service answered with an error (a problem details body, RFC 9457) or did not answer at all
 * ({@code status} 0). Pages turn it into a sentence with {@link vn.motcua.console.view.Messages}.
 */
public class ServiceException extends RuntimeException {
    private final int status;
    private final String type;
    private final String detail;
    private final String retryAfter;
    private final List<FieldError> errors;

    /** One invalid input of the request as the service names it ({@code days[0].sessions[1].opens}) and what is wrong. */
    public record FieldError(String field, String message) {
    }

    public ServiceException(int status, String type, String detail, String retryAfter) {
        this(status, type, detail, retryAfter, List.of());
    }

    public ServiceException(int status, String type, String detail, String retryAfter, List<FieldError> errors) {
        super(status + " " + type + ": " + detail);
        this.status = status;
        this.type = type;
        this.detail = detail;
        this.retryAfter = retryAfter;
        this.errors = List.copyOf(errors);
    }

    /** The problem's {@code errors}: the fields the service refused, empty when it named none. */
    public List<FieldError> errors() {
        return errors;
    }

    public int status() {
        return status;
    }

    /** The last part of the problem's type ({@code urn:motcua:problem:incomplete-dossier} → incomplete-dossier), or null. */
    public String kind() {
        if (type == null) {
            return null;
        }
        int colon = type.lastIndexOf(':');
        int slash = type.lastIndexOf('/');
        return type.substring(Math.max(colon, slash) + 1);
    }

    public String detail() {
        return detail;
    }

    public String retryAfter() {
        return retryAfter;
    }
}
