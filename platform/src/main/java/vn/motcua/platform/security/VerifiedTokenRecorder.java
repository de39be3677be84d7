package vn.motcua.platform.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The last augmentor: keeps in {@link VerifiedTokens} the finished identity of a bearer access token OIDC has just
 * verified (not one answered from memory, not the console's code-flow session), until the token's {@code exp}.
 */
@ApplicationScoped
public class VerifiedTokenRecorder implements SecurityIdentityAugmentor {
    private final VerifiedTokens tokens;

    public VerifiedTokenRecorder(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || identity.getAttribute(VerifiedTokenIdentityProvider.FROM_CACHE) != null
                || identity.getCredential(IdTokenCredential.class) != null
                || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential != null && credential.getToken() != null && jwt.getExpirationTime() > 0
                && credential.getToken().equals(jwt.getRawToken())) {
            tokens.remember(credential.getToken(), identity, jwt.getExpirationTime());
        }
        return Uni.createFrom().item(identity);
    }
}
