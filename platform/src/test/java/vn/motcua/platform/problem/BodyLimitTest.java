package vn.motcua.platform.problem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** A body over the HTTP limit is refused with problem details, like every other 4xx (not Quarkus' bare 413). */
@QuarkusTest
@TestProfile(BodyLimitTest.SmallLimit.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class BodyLimitTest {
    public static class SmallLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.limits.max-body-size", "1K", "motcua.outbox.relay-enabled", "false");
        }
    }

    @Test
    void aBodyOverTheLimitIsA413Problem() {
        String big = "{\"name\":\"" + "x".repeat(2048) + "\",\"quantity\":1}";
        given().contentType("application/json").body(big).when().post("/demo/items")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", containsString("body-too-large")).body("title", containsString("quá lớn"));
        // under the limit it goes on to the resource
        given().contentType("application/json").body("{\"name\":\"nhỏ\",\"quantity\":1}").when().post("/demo/items")
                .then().statusCode(not(413));
    }
}
