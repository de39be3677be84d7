package vn.motcua.platform.idempotency;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class IdempotencyKeysTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void sameKeyReturnsTheSameResultAndCreatesNothingTwice() throws SQLException {
        String key = UUID.randomUUID().toString();
        String name = "idem-" + key;
        String body = "{\"name\": \"" + name + "\", \"quantity\": 2}";
        String first = given().header("Idempotency-Key", key).contentType("application/json").body(body)
                .when().post("/demo/items").then().statusCode(201).header("Idempotent-Replayed", "false")
                .extract().path("id");
        given().header("Idempotency-Key", key).contentType("application/json").body(body)
                .when().post("/demo/items").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        assertEquals(1, count(name));
        assertEquals(1, outboxOrPublished(name));

        given().header("Idempotency-Key", key).contentType("application/json")
                .body("{\"name\": \"" + name + "\", \"quantity\": 3}")
                .when().post("/demo/items").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:motcua:problem:idempotency-key-reused"));
        assertEquals(1, count(name));
    }

    @Test
    void aRepeatWhoseWorkWouldNowBeRefusedGetsTheFirstResponse() throws SQLException {
        String key = UUID.randomUUID().toString();
        String name = "unique-" + key;
        String body = "{\"name\": \"" + name + "\", \"quantity\": 1}";
        String first = given().header("Idempotency-Key", key).contentType("application/json").body(body)
                .when().post("/demo/items").then().statusCode(201).extract().path("id");
        // the work itself refuses a second item of this name (409), but the repeat is answered as the first request
        given().header("Idempotency-Key", key).contentType("application/json").body(body)
                .when().post("/demo/items").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        given().contentType("application/json").body(body).when().post("/demo/items").then().statusCode(409)
                .body("type", equalTo("urn:motcua:problem:name-taken"));
        // a repeat under another key is a new request: refused too
        given().header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json").body(body)
                .when().post("/demo/items").then().statusCode(409);
        assertEquals(1, count(name));
        assertEquals(1, outboxOrPublished(name));
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOneItem() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "race-" + key;
        String body = "{\"name\": \"" + name + "\", \"quantity\": 1}";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Callable<Response> call = () -> given().header("Idempotency-Key", key).contentType("application/json")
                    .body(body).when().post("/demo/items");
            calls.add(pool.submit(call));
        }
        Set<String> ids = new HashSet<>();
        for (Future<Response> call : calls) {
            Response response = call.get();
            assertEquals(201, response.statusCode(), response.asString());
            ids.add(response.path("id"));
        }
        pool.shutdown();
        assertEquals(1, ids.size(), "every caller got the same item");
        assertEquals(1, count(name));
    }

    @Test
    void withoutAKeyEachRequestCreatesAndABadKeyIsRefused() throws SQLException {
        String name = "nokey-" + UUID.randomUUID();
        String body = "{\"name\": \"" + name + "\", \"quantity\": 1}";
        given().contentType("application/json").body(body).when().post("/demo/items").then().statusCode(201);
        given().contentType("application/json").body(body).when().post("/demo/items").then().statusCode(201);
        assertEquals(2, count(name));
        given().header("Idempotency-Key", "has space").contentType("application/json").body(body)
                .when().post("/demo/items").then().statusCode(400)
                .body("type", equalTo("urn:motcua:problem:invalid-idempotency-key"));
        assertEquals(2, count(name));
    }

    private long count(String name) throws SQLException {
        return query("select count(*) from demo_item where name = ?", name);
    }

    /** Events for the item: still in the outbox or already deleted by the relay, never two rows. */
    private long outboxOrPublished(String name) throws SQLException {
        return Math.max(query("select count(*) from outbox_event where message_key = ?", name),
                query("select count(*) from demo_item where name = ?", name));
    }

    private long query(String sql, String arg) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, arg);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
