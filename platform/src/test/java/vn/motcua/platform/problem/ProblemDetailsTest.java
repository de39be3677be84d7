package vn.motcua.platform.problem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Every failure reaching REST answers RFC 9457 problem details with a stable type; bad input is never a 500. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ProblemDetailsTest {

    @Test
    void validationErrorsNameEachField() {
        given().contentType("application/json").body("{\"name\": \" \", \"quantity\": 0}")
                .when().post("/demo/items")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:motcua:problem:validation-failed"))
                .body("title", equalTo("Dữ liệu không hợp lệ"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/demo/items"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("quantity"));
    }

    @Test
    void malformedJsonAndWrongTypesAreBadRequests() {
        given().contentType("application/json").body("{\"name\": \"x\", ")
                .when().post("/demo/items")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:motcua:problem:malformed-request"));
        given().contentType("application/json").body("{\"name\": \"x\", \"quantity\": \"many\"}")
                .when().post("/demo/items")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:motcua:problem:malformed-request"))
                .body("errors[0].field", equalTo("quantity"));
        given().contentType("application/json").body("")
                .when().post("/demo/items")
                .then().statusCode(400).contentType("application/problem+json");
    }

    /** Found by the system tests' fuzzer: both were 500s. */
    @Test
    void duplicateKeysAndTextPostgresqlCannotStoreAreBadRequests() {
        // A duplicate key is ambiguous (which one wins differs between parsers): refused, whatever the body type.
        given().contentType("application/json").body("{\"text\":\"a\",\"text\":\"b\"}")
                .when().post("/demo/items/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:motcua:problem:malformed-request"));
        given().contentType("application/json").body("{\"name\":\"a\",\"quantity\":1,\"name\":\"b\"}")
                .when().post("/demo/items")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("{\"text\":\"a\"}")
                .when().post("/demo/items/notes")
                .then().statusCode(204);
        // NUL is valid in a URL and in JSON but PostgreSQL refuses it in text (SQLSTATE 22021).
        given().urlEncodingEnabled(false).when().get("/demo/items/named/a%00b")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:motcua:problem:malformed-request"));
        given().when().get("/demo/items/named/ab").then().statusCode(200);
    }

    @Test
    void unknownThingsAndMethodsAndMediaTypes() {
        given().when().get("/demo/items/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:motcua:problem:not-found"))
                .body("title", equalTo("Không tìm thấy"));
        given().when().get("/no/such/path")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:motcua:problem:not-found"));
        given().when().get("/demo/items/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().delete("/demo/items")
                .then().statusCode(405).contentType("application/problem+json")
                .body("type", equalTo("urn:motcua:problem:method-not-allowed"));
        given().contentType("text/plain").body("hello")
                .when().post("/demo/items")
                .then().statusCode(415).contentType("application/problem+json")
                .body("detail", containsString("application/json"))
                .body("detail", not(containsString("HTTP 415")));
        // issue 17: the framework's own texts never reach the caller, only our sentences
        given().accept("application/xml").when().get("/demo/items/" + UUID.randomUUID())
                .then().statusCode(406).contentType("application/problem+json")
                .body("type", equalTo("urn:motcua:problem:not-acceptable"))
                .body("detail", containsString("Accept")).body("detail", not(containsString("HTTP 406")));
        given().when().delete("/demo/items").then().body("detail", not(containsString("HTTP 405")));
    }

    @Test
    void aBugIsA500WithAnIncidentIdAndNoStackTrace() {
        given().when().get("/demo/items/broken")
                .then().statusCode(500).contentType("application/problem+json")
                .body("type", equalTo("urn:motcua:problem:internal-error"))
                .body("detail", containsString("mã sự cố"))
                .body("detail", not(containsString("IllegalStateException")));
    }

    /**
     * A bearer token that is not three base64url parts (the probe's {@code ..}, {@code ...}, {@code ....}) once
     * failed inside the token parser with a 500 and a stack trace; every missing or unusable token is a 401 with
     * problem details, on public paths too (the token is checked whenever one is sent).
     */
    @Test
    void malformedOrMissingBearerTokensAre401ProblemDetails() {
        for (String token : List.of("..", "...", "....", "a..b", ".x.", "%%%", "a.b.c")) {
            for (String path : List.of("/demo/items/admin-only", "/demo/items/" + UUID.randomUUID())) {
                given().header("Authorization", "Bearer " + token).when().get(path)
                        .then().statusCode(401).contentType("application/problem+json")
                        .header("WWW-Authenticate", containsString("Bearer"))
                        .body("type", equalTo("urn:motcua:problem:unauthenticated"))
                        .body("title", equalTo("Chưa đăng nhập"));
            }
        }
        given().when().get("/demo/items/admin-only")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:motcua:problem:unauthenticated"));
    }
}
