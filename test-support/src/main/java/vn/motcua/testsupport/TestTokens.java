package vn.motcua.testsupport;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.util.Map;
import java.util.Set;

/**
 * Access tokens signed with the key that the OIDC test server
 * ({@code io.quarkus.test.oidc.server.OidcWiremockTestResource}) publishes, carrying the realm roles and
 * the claims of the motcua realm ({@code agency}, {@code unit}, {@code citizen_id}).
 */
public final class TestTokens {
    /** The issuer that OidcWiremockTestResource configures the service to expect. */
    public static final String ISSUER = "https://server.example.com";

    private TestTokens() {
    }

    /** The audience every motcua service requires (the realm's clients for people add it; docs/SECURITY.md). */
    public static final String API_AUDIENCE = "motcua-api";

    public static String token(String user, Set<String> roles, Map<String, Object> claims) {
        return signed(user, roles, claims, API_AUDIENCE, "Bearer");
    }

    /**
     * A token of the test server's key with a chosen audience and {@code typ}: an ID token ({@code typ} "ID") or
     * another client's access token (another audience) must not be accepted as a caller.
     */
    public static String signed(String user, Set<String> roles, Map<String, Object> claims, String audience,
                                String type) {
        JwtClaimsBuilder builder = Jwt.preferredUserName(user)
                .subject(user)
                .groups(roles)
                .issuer(ISSUER)
                .audience(Set.of("https://service.example.com", audience))
                .claim("typ", type);
        claims.forEach(builder::claim);
        return builder.jws().keyId("1").sign("privateKey.jwk");
    }

    public static String counterOfficer(String user, String unit) {
        return token(user, Set.of("counter-officer"), Map.of("unit", unit));
    }

    public static String agencyOfficer(String user, String agency) {
        return token(user, Set.of("agency-officer"), Map.of("agency", agency));
    }

    public static String supervisor(String user) {
        return token(user, Set.of("supervisor"), Map.of());
    }

    public static String admin(String user) {
        return token(user, Set.of("admin"), Map.of());
    }

    public static String citizen(String user, String citizenId) {
        return token(user, Set.of("citizen"), Map.of("citizen_id", citizenId));
    }
}
