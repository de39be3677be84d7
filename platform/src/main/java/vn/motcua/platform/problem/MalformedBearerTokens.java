package vn.motcua.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.regex.Pattern;

/**
 * Answers a bearer token that cannot be a signed JWT (three base64url parts: header, payload, signature) with
 * 401 problem details before the OIDC layer sees it. The OIDC layer failed on {@code ..}, {@code ...} and
 * {@code ....} with a NoSuchElementException from its JWT splitter: a 500 with a stack trace in the log on
 * every path of every service (issue 17). Runs just before authentication, so it applies to public paths too,
 * as authentication does (a token sent is always checked).
 */
@ApplicationScoped
public class MalformedBearerTokens {
    private static final Pattern JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final String BEARER = "bearer ";

    private final ObjectMapper json;

    public MalformedBearerTokens(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, SecurityHandlerPriorities.AUTHENTICATION + 1);
    }

    private void check(RoutingContext context) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.length() < BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || JWS.matcher(authorization.substring(BEARER.length()).strip()).matches()) {
            context.next();
            return;
        }
        Problem problem = ProblemException.unauthenticated().problem().withInstance(context.normalizedPath());
        try {
            context.response().setStatusCode(401)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader("WWW-Authenticate", ProblemException.BEARER_CHALLENGE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
