package vn.motcua.console.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import java.util.ArrayList;
import java.util.List;

/** Every error answer of a service becomes a {@link ServiceException} with the problem's type and detail. */
public class ServiceErrors implements ResponseExceptionMapper<ServiceException> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public ServiceException toThrowable(Response response) {
        String body = null;
        try {
            if (response.hasEntity()) {
                body = response.readEntity(String.class);
            }
        } catch (RuntimeException unreadable) {
            // a bare status (a proxy, the HTTP codec): the status alone decides the sentence
        }
        return problem(response.getStatus(), body, response.getHeaderString(HttpHeaders.RETRY_AFTER));
    }

    /** The exception for an error answer: its problem's type, detail and field errors when the body is one. */
    public static ServiceException problem(int status, String body, String retryAfter) {
        String type = null;
        String detail = null;
        List<ServiceException.FieldError> errors = new ArrayList<>();
        try {
            JsonNode problem = body == null ? null : JSON.readTree(body);
            if (problem != null && problem.isObject()) {
                type = problem.path("type").asText(null);
                detail = problem.path("detail").asText(problem.path("title").asText(null));
                for (JsonNode error : problem.path("errors")) {
                    String field = error.path("field").asText(null);
                    if (field != null) {
                        errors.add(new ServiceException.FieldError(field, error.path("message").asText("")));
                    }
                }
            }
        } catch (Exception notJson) {
            // not a problem body: the status alone decides the sentence
        }
        return new ServiceException(status, type, detail, retryAfter, errors);
    }
}
