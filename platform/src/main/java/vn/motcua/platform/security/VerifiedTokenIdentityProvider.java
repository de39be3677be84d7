package vn.motcua.platform.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Asked before OIDC's own provider (higher priority): a bearer token verified before and not yet expired gets its
 * identity from {@link VerifiedTokens}; anything else answers null, which hands the request on to OIDC's full
 * verification. The identity is rebuilt around the current request's routing context and authentication context,
 * the per-request attributes OIDC puts in it.
 */
@ApplicationScoped
public class VerifiedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
    static final String FROM_CACHE = "motcua.verified-token-cache";

    private final VerifiedTokens tokens;

    public VerifiedTokenIdentityProvider(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Above OIDC's provider, which keeps the interface's default (1001). */
    @Override
    public int priority() {
        return 2000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!(request.getToken() instanceof AccessTokenCredential credential)) {
            return Uni.createFrom().nullItem();
        }
        SecurityIdentity known = tokens.find(credential.getToken());
        if (known == null) {
            return Uni.createFrom().nullItem();
        }
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder(known).addAttribute(FROM_CACHE, true);
        RoutingContext current = HttpSecurityUtils.getRoutingContextAttribute(request);
        known.getAttributes().forEach((name, value) -> {
            if (value instanceof RoutingContext && current != null) {
                identity.addAttribute(name, current);
            } else if (value instanceof AuthenticationRequestContext) {
                identity.addAttribute(name, context);
            }
        });
        return Uni.createFrom().item(identity.build());
    }
}
