package vn.motcua.system;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running stack (deploy/local/up.sh) and real tokens from its Keycloak. Addresses default to
 * the contract's ports and can be pointed elsewhere with -Dmotcua.intake=http://host:port etc.
 */
final class Stack {
    static final String INTAKE = System.getProperty("motcua.intake", "http://localhost:8081");
    static final String ROUTING = System.getProperty("motcua.routing", "http://localhost:8082");
    static final String RESULT = System.getProperty("motcua.result", "http://localhost:8083");
    static final String NOTIFICATION = System.getProperty("motcua.notification", "http://localhost:8084");
    static final String KEYCLOAK = System.getProperty("motcua.keycloak", "http://localhost:8180");

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Stack() {
    }

    /** An access token of a dev realm user (password = user name), by the password grant of motcua-cli. */
    static String token(String user) {
        return TOKENS.computeIfAbsent(user, u -> RestAssured.given()
                .contentType(ContentType.URLENC)
                .formParam("client_id", "motcua-cli")
                .formParam("grant_type", "password")
                .formParam("username", u)
                .formParam("password", u)
                .post(KEYCLOAK + "/realms/motcua/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token"));
    }

    static RequestSpecification as(String user) {
        return RestAssured.given().auth().oauth2(token(user)).accept(ContentType.JSON);
    }

    static RequestSpecification anonymous() {
        return RestAssured.given().accept(ContentType.JSON);
    }

    /**
     * Waits until result's read model holds the dossier, through citizen1's own list (a logged-in
     * lookup): public lookups before that would be misses, and misses per client address are limited
     * (10 a minute) — every system test shares 127.0.0.1. The dossier's applicant must be citizen1
     * (citizen ID 001090012345), or it must be citizen1's online submission.
     */
    static void awaitProjected(String code) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(250))
                .untilAsserted(() -> as("citizen1").queryParam("size", 500).get(RESULT + "/api/public/my-dossiers")
                        .then().statusCode(200).body("items.code", org.hamcrest.Matchers.hasItem(code)));
    }
}
