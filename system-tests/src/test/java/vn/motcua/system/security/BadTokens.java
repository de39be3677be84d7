package vn.motcua.system.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import vn.motcua.system.Stack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bearer tokens that must be refused (401) everywhere, made from real ones of the stack's Keycloak:
 * <ul>
 *   <li>{@code forged}: admin1's claims with a fresh expiry, signed with our own RSA key under the realm's
 *       signing key id and issuer;</li>
 *   <li>{@code tampered}: citizen1's real token whose payload was edited to add every role and claim,
 *       Keycloak's signature kept;</li>
 *   <li>{@code alg-none}: admin1's claims, {@code "alg":"none"} and no signature;</li>
 *   <li>{@code expired}: a real token of the realm client {@code motcua-short-lived} (tokens live 5 s),
 *       used once it has expired.</li>
 * </ul>
 */
public final class BadTokens {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    /** Not three parts at all: the OIDC layer's JWT splitter once failed on it with a 500 (issue 17). */
    static final String MALFORMED = "...";

    private BadTokens() {
    }

    /** Every bad token by name; {@code expired} is the one {@link #shortLived} gave, waited out. */
    public static Map<String, String> all(String shortLived) {
        return Map.of("forged", forged("admin1"), "tampered", tampered("citizen1"), "alg-none", algNone("admin1"),
                "expired", expired(shortLived), "malformed", MALFORMED);
    }

    static String[] parts(String jwt) {
        String[] parts = jwt.split("\\.", -1);
        assertTrue(parts.length == 3, "a JWS has three parts");
        return parts;
    }

    static ObjectNode decode(String part) {
        try {
            return (ObjectNode) JSON.readTree(DECODE.decode(part));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(ObjectNode node) {
        try {
            return B64.encodeToString(JSON.writeValueAsBytes(node));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The real claims of {@code user}, valid for another hour from now. */
    static ObjectNode freshClaims(String user) {
        ObjectNode claims = decode(parts(Stack.token(user))[1]);
        long now = Instant.now().getEpochSecond();
        claims.put("iat", now).put("exp", now + 3600);
        return claims;
    }

    public static String forged(String user) {
        ObjectNode header = decode(parts(Stack.token(user))[0]); // alg RS256, typ JWT and the realm's kid
        String signingInput = encode(header) + "." + encode(freshClaims(user));
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair ours = generator.generateKeyPair();
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(ours.getPrivate());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String tampered(String user) {
        String[] real = parts(Stack.token(user));
        ObjectNode claims = decode(real[1]);
        ArrayNode roles = ((ObjectNode) claims.with("realm_access")).putArray("roles");
        List.of("citizen", "counter-officer", "agency-officer", "supervisor", "admin").forEach(roles::add);
        claims.put("agency", "TUPHAP-BADINH").put("unit", "000.00.31.H29").put("preferred_username", "admin1");
        return real[0] + "." + encode(claims) + "." + real[2];
    }

    public static String algNone(String user) {
        ObjectNode header = JSON.createObjectNode().put("alg", "none").put("typ", "JWT");
        return encode(header) + "." + encode(freshClaims(user)) + ".";
    }

    /** A real token of the realm client whose tokens live 5 s; {@link #expired} waits it out. */
    public static String shortLived(String user) {
        return RestAssured.given().contentType(ContentType.URLENC)
                .formParam("client_id", "motcua-short-lived").formParam("grant_type", "password")
                .formParam("username", user).formParam("password", user)
                .post(Stack.KEYCLOAK + "/realms/motcua/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /**
     * A short-lived token shown to be accepted by {@code url} (200) while it lives: the same token refused
     * later is refused for its age alone. On a busy machine the first try may outlive its 5 s; then another.
     */
    public static String provenShortLived(String user, String url) {
        for (int attempt = 0; attempt < 5; attempt++) {
            String token = shortLived(user);
            int status = RestAssured.given().auth().oauth2(token).get(url).statusCode();
            long exp = decode(parts(token)[1]).get("exp").asLong();
            if (status == 200) {
                return token;
            }
            if (Instant.now().getEpochSecond() < exp) {
                throw new AssertionError("a fresh token of motcua-short-lived was refused: " + status);
            }
        }
        throw new AssertionError("no short-lived token could be used within its 5 s");
    }

    /** The token once its {@code exp} has passed (plus a second: exp has a resolution of one). */
    public static String expired(String token) {
        long exp = decode(parts(token)[1]).get("exp").asLong();
        long wait = Duration.between(Instant.now(), Instant.ofEpochSecond(exp + 1)).toMillis();
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return token;
    }
}
