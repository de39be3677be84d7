package vn.motcua.testsupport;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every motcua service offers from the platform, checked once per service: a subclass annotated
 * with {@code @QuarkusTest} and the test resources names the service ({@link #service()}).
 */
public abstract class ServiceShellContract {
    @Inject
    AgroalDataSource dataSource;

    /** The service's short name, which is also its PostgreSQL schema. */
    protected abstract String service();

    @Test
    void readyAndLiveAgainstRealPostgresAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("outbox relay"));
    }

    @Test
    void openApiSwaggerAndMetricsAreServed() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", equalTo("motcua " + service() + "-service"));
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("motcua_outbox_published"));
    }

    @Test
    void unknownPathsAnswerProblemDetails() {
        given().when().get("/api/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:motcua:problem:not-found"));
    }

    /**
     * Issue 17: a token of the realm's key is a caller only when it is an access token ({@code typ} Bearer) meant
     * for the motcua services (audience {@code motcua-api}): an ID token, or another client's access token, is a 401.
     */
    @Test
    void onlyAccessTokensForTheMotcuaApiAreCallers() {
        Set<String> roles = Set.of("admin");
        for (String token : List.of(TestTokens.signed("admin1", roles, Map.of(), "motcua-cli", "ID"),
                TestTokens.signed("admin1", roles, Map.of(), "another-client", "Bearer"),
                TestTokens.signed("admin1", roles, Map.of(), TestTokens.API_AUDIENCE, "ID"))) {
            given().auth().oauth2(token).when().get("/api/no-such-thing")
                    .then().statusCode(401).contentType("application/problem+json");
        }
        given().auth().oauth2(TestTokens.admin("admin1")).when().get("/api/no-such-thing").then().statusCode(404);
    }

    @Test
    void platformTablesLiveInTheServicesOwnSchema() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select table_name from information_schema.tables where table_schema = ?")) {
            s.setString(1, service());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        for (String table : List.of("outbox_event", "processed_event", "dead_letter_event", "idempotency_key",
                "rate_limit_bucket", "flyway_schema_history")) {
            assertTrue(tables.contains(table), table + " in schema " + service() + ": " + tables);
        }
    }
}
