package vn.motcua.platform.security;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;
import vn.motcua.testsupport.TestTokens;

import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A bearer token verified once is answered from memory afterwards (issue 18, item 3), with the same caller, roles and
 * claims; a token changed in one byte, or refused by the full check, never is.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class VerifiedTokenCacheTest {
    @Inject
    VerifiedTokens tokens;

    @Test
    void theSecondRequestWithATokenIsAnsweredFromMemoryWithTheSameCaller() {
        String token = TestTokens.token("cached-officer", Set.of("admin", "counter-officer"), Map.of("unit", "000.01.31.H29"));
        String expected = "cached-officer [admin, counter-officer] 000.01.31.H29 admin=true";
        long before = tokens.hits();
        given().auth().oauth2(token).when().get("/demo/items/whoami").then().statusCode(200).body(equalTo(expected));
        assertEquals(before, tokens.hits(), "the first request is verified in full");
        given().auth().oauth2(token).when().get("/demo/items/whoami").then().statusCode(200).body(equalTo(expected));
        given().auth().oauth2(token).when().get("/demo/items/admin-only").then().statusCode(200);
        assertEquals(before + 2, tokens.hits(), "the next ones from memory, with the same roles");
    }

    @Test
    void aTokenChangedInOneByteIsCheckedInFullAndRefused() {
        String token = TestTokens.token("tampered", Set.of("counter-officer"), Map.of());
        given().auth().oauth2(token).when().get("/demo/items/whoami").then().statusCode(200);
        // one character in the middle of the signature (the last one may carry only padding bits a decoder ignores)
        int at = token.lastIndexOf('.') + 20;
        String tampered = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        given().auth().oauth2(tampered).when().get("/demo/items/whoami").then().statusCode(401);
        // and a token the full check refuses (another audience) is never remembered as if it had passed
        String other = TestTokens.signed("other", Set.of("admin"), Map.of(), "another-api", "Bearer");
        given().auth().oauth2(other).when().get("/demo/items/whoami").then().statusCode(401);
        given().auth().oauth2(other).when().get("/demo/items/whoami").then().statusCode(401);
    }
}
