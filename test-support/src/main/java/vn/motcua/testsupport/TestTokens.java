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

    public static String token(String user, Set<String> roles, Map<String, Object> claims) {
        JwtClaimsBuilder builder = Jwt.preferredUserName(user)
                .subject(user)
                .groups(roles)
                .issuer(ISSUER)
                .audience("https://service.example.com");
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
