package vn.motcua.console.security;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/**
 * The anti-forgery token of the signed-in officer's forms ({@code {inject:csrf.token}} in a hidden field
 * {@code csrf}): a signature of the Keycloak session ({@code sid}), so a page of another site cannot know it,
 * and a new sign-in gets a new one. No cookie of its own: another site on the same host (another port) could set
 * a cookie, but cannot make this signature.
 */
@RequestScoped
@Named("csrf")
public class Csrf {
    public static final String FIELD = "csrf";

    @Inject
    SecurityIdentity identity;
    @Inject
    @IdToken
    JsonWebToken idToken;
    @Inject
    ConsoleKeys keys;

    /** Whether an officer is signed in: only their posts carry (and need) the token. */
    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public String officer() {
        return identity.getPrincipal().getName();
    }

    public String token() {
        if (!signedIn()) {
            return "";
        }
        Object sid = idToken.getClaim("sid");
        String session = sid == null ? "sub:" + identity.getPrincipal().getName() : "sid:" + sid;
        return keys.sign("csrf\n" + session);
    }

    /** Whether a posted token is this session's (compared in constant time). */
    public boolean accepts(String posted) {
        String expected = token();
        return posted != null && !expected.isEmpty()
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), posted.getBytes(StandardCharsets.UTF_8));
    }
}
