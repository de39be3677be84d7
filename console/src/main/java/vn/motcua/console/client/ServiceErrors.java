package vn.motcua.console.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Every error answer of a service becomes a {@link ServiceException} with the problem's type and detail. */
public class ServiceErrors implements ResponseExceptionMapper<ServiceException> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public ServiceException toThrowable(Response response) {
        String type = null;
        String detail = null;
        try {
            if (response.hasEntity()) {
                String body = response.readEntity(String.class);
                JsonNode problem = JSON.readTree(body);
                if (problem != null && problem.isObject()) {
                    type = problem.path("type").asText(null);
                    detail = problem.path("detail").asText(problem.path("title").asText(null));
                }
            }
        } catch (Exception notJson) {
            // a bare status (a proxy, the HTTP codec): the status alone decides the sentence
        }
        return new ServiceException(response.getStatus(), type, detail, response.getHeaderString(HttpHeaders.RETRY_AFTER));
    }
}
