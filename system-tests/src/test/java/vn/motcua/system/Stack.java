package vn.motcua.system;

import io.restassured.RestAssured;
import io.restassured.config.LogConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running stack (deploy/local/up.sh) and real tokens from its Keycloak. Addresses default to
 * the contract's ports shifted by MOTCUA_PORT_OFFSET (as up.sh shifts them; 0 unless set) and can
 * be pointed elsewhere one by one with -Dmotcua.intake=http://host:port etc.
 */
public final class Stack {
    /** The shift up.sh applied to every port (environment MOTCUA_PORT_OFFSET or -Dmotcua.port.offset). */
    public static final int PORT_OFFSET = Integer.parseInt(System.getProperty("motcua.port.offset",
            System.getenv().getOrDefault("MOTCUA_PORT_OFFSET", "0")));
    public static final String INTAKE = address("motcua.intake", 8081);
    public static final String ROUTING = address("motcua.routing", 8082);
    public static final String RESULT = address("motcua.result", 8083);
    public static final String NOTIFICATION = address("motcua.notification", 8084);
    public static final String KEYCLOAK = address("motcua.keycloak", 8180);
    /** The web console: officers' pages and the citizens' /tra-cuu. */
    public static final String CONSOLE = address("motcua.console", 8080);
    /** GreenMail's REST API: GET /api/user/{address}/messages/INBOX. */
    public static final String MAIL = address("motcua.mail", 8085);
    public static final String JDBC = System.getProperty("motcua.jdbc",
            "jdbc:postgresql://localhost:" + (5432 + PORT_OFFSET) + "/motcua");

    private static String address(String property, int port) {
        return System.getProperty(property, "http://localhost:" + (port + PORT_OFFSET));
    }

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    static {
        // a failed expectation prints the request and the answer (a 409's problem says which rule refused), without
        // the bearer token
        RestAssured.config = RestAssured.config().logConfig(LogConfig.logConfig().blacklistHeader("Authorization")
                .enableLoggingOfRequestAndResponseIfValidationFails());
    }

    private Stack() {
    }

    /** An access token of a dev realm user (password = user name), by the password grant of motcua-cli. */
    public static String token(String user) {
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

    /** A real ID token of a dev realm user (password grant with scope openid): never a caller of the API. */
    public static String idToken(String user) {
        return RestAssured.given().contentType(ContentType.URLENC)
                .formParam("client_id", "motcua-cli").formParam("grant_type", "password").formParam("scope", "openid")
                .formParam("username", user).formParam("password", user)
                .post(KEYCLOAK + "/realms/motcua/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("id_token");
    }

    /** A real access token of a confidential realm client by the client-credentials grant. */
    public static String clientToken(String client, String secret) {
        return RestAssured.given().contentType(ContentType.URLENC)
                .formParam("client_id", client).formParam("client_secret", secret)
                .formParam("grant_type", "client_credentials")
                .post(KEYCLOAK + "/realms/motcua/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    public static RequestSpecification as(String user) {
        return RestAssured.given().auth().oauth2(token(user)).accept(ContentType.JSON);
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given().accept(ContentType.JSON);
    }

    /**
     * Waits until result's read model holds the dossier, through citizen1's own list (a logged-in
     * lookup): public lookups before that would be misses, and misses per client address are limited
     * (10 a minute) — every system test shares 127.0.0.1. The dossier's applicant must be citizen1
     * (citizen ID 001090012345), or it must be citizen1's online submission.
     */
    public static void awaitProjected(String code) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(250))
                .untilAsserted(() -> as("citizen1").queryParam("size", 500).get(RESULT + "/api/public/my-dossiers")
                        .then().statusCode(200).body("items.code", org.hamcrest.Matchers.hasItem(code)));
    }
}
