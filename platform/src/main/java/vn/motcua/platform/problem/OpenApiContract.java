package vn.motcua.platform.problem;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.List;

/**
 * What every service's published OpenAPI document says about every operation, so that generated clients and the
 * ecosystem's linters (Redocly's {@code lint}, part of the test command) read it right: an operation open to
 * anyone says so ({@code security: []}) instead of leaving it unsaid, and every operation documents the problem
 * details it can answer with (4xx, RFC 9457). Registered with {@code mp.openapi.filter}.
 */
public class OpenApiContract implements OASFilter {
    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getSecurity() == null) {
            operation.setSecurity(List.of());
        }
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (responses.getAPIResponses() == null || responses.getAPIResponses().keySet().stream()
                .noneMatch(status -> status.startsWith("4"))) {
            responses.addAPIResponse("4XX", OASFactory.createAPIResponse()
                    .description("The request cannot be served as sent (bad input, unknown resource, conflict, too many"
                            + " misses...): RFC 9457 problem details")
                    .content(OASFactory.createContent().addMediaType("application/problem+json",
                            OASFactory.createMediaType().schema(OASFactory.createSchema()
                                    .addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.OBJECT)))));
        }
        return operation;
    }
}
