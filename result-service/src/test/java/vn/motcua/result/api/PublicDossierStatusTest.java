package vn.motcua.result.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.shared.dossier.DossierCode;
import vn.motcua.shared.events.CloudEvent;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.EventPayload;
import vn.motcua.shared.events.EventTypes;
import vn.motcua.shared.events.Outcome;
import vn.motcua.shared.events.PlanStage;
import vn.motcua.shared.events.PlanStep;
import vn.motcua.shared.events.ReceptionChannel;
import vn.motcua.shared.events.RoutingPlanSnapshot;
import vn.motcua.shared.events.StatutoryTime;
import vn.motcua.shared.events.Topics;
import vn.motcua.shared.events.intake.Applicant;
import vn.motcua.shared.events.intake.DossierReceived;
import vn.motcua.shared.events.routing.DossierProcessed;
import vn.motcua.shared.events.routing.TaskAssigned;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;
import vn.motcua.testsupport.TopicReader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The status read model end to end: events on the real topics, the projection in PostgreSQL, the public
 * lookup over HTTP. Waits on the database (not on the API) so that polling never counts as misses.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class PublicDossierStatusTest {
    private static final String UNIT = "000.00.31.H29";
    private static final String PROCEDURE_NAME =
            "Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final OffsetDateTime RECEIVED_AT =
            OffsetDateTime.now(EventJson.VIETNAM).minusHours(3).truncatedTo(ChronoUnit.SECONDS);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void forgetMisses() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("delete from rate_limit_bucket");
        }
    }

    @Test
    void receivedDossierIsFoundByItsPinAndFollowsTheAssignment() {
        String code = newCode();
        send(Topics.INTAKE, received(code, "123456"));
        awaitTimeline(code, 1);

        given().when().get("/api/public/dossiers/{code}?pin=123456", code)
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("code", equalTo(code))
                .body("nationalStatusCode", equalTo(2))
                .body("status", equalTo("Được tiếp nhận"))
                .body("state", equalTo("RECEIVED"))
                .body("procedureName", equalTo(PROCEDURE_NAME))
                .body("appointmentAt", equalTo(appointment().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)))
                .body("currentAgency", nullValue())
                .body("timeline", hasSize(1))
                .body("timeline[0].status", equalTo("Được tiếp nhận"))
                .body("timeline[0].at", equalTo(RECEIVED_AT.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));

        send(Topics.ROUTING, assigned(code, RECEIVED_AT.plusMinutes(10)));
        awaitTimeline(code, 2);

        given().when().get("/api/public/dossiers/{code}?pin=123456", code)
                .then().statusCode(200)
                .body("nationalStatusCode", equalTo(4))
                .body("status", equalTo("Đang xử lý"))
                .body("currentAgency", equalTo("TUPHAP-BADINH"))
                .body("currentAgencyName", equalTo("Công chức Tư pháp - Hộ tịch phường Ba Đình"))
                .body("timeline.status", contains("Được tiếp nhận", "Đang xử lý"))
                .body("timeline[1].agency", equalTo("TUPHAP-BADINH"));
    }

    @Test
    void wrongPinAndUnknownCodeAnswerTheSame404() {
        String code = newCode();
        send(Topics.INTAKE, received(code, "654321"));
        awaitTimeline(code, 1);

        Response wrongPin = given().when().get("/api/public/dossiers/{code}?pin=000000", code);
        Response unknownCode = given().when().get("/api/public/dossiers/{code}?pin=654321", newCode());
        Response notACode = given().when().get("/api/public/dossiers/{code}?pin=654321", "khong-phai-ma");

        for (Response miss : List.of(wrongPin, unknownCode, notACode)) {
            assertEquals(404, miss.statusCode());
            assertEquals("application/problem+json", miss.contentType());
        }
        String expected = withoutInstance(wrongPin.asString());
        assertTrue(expected.contains("urn:motcua:problem:not-found"), expected);
        assertEquals(expected, withoutInstance(unknownCode.asString()));
        assertEquals(expected, withoutInstance(notACode.asString()));
        // the instance field is the only difference, and it is there
        assertNotEquals(wrongPin.asString(), unknownCode.asString());

        given().when().get("/api/public/dossiers/{code}?pin=12ab", code)
                .then().statusCode(400).body("type", equalTo("urn:motcua:problem:invalid-pin"));
    }

    @Test
    void afterTenMissesFromAnAddressEveryLookupIsRefusedTheRightPinToo() {
        String code = newCode();
        send(Topics.INTAKE, received(code, "112233"));
        awaitTimeline(code, 1);

        for (int i = 0; i < 10; i++) {
            // Each miss on another code, so that only the address's limit is reached; a forged X-Forwarded-For
            // does not buy a fresh bucket: the proxy is not trusted by default.
            given().header("X-Forwarded-For", "198.51.100." + i)
                    .when().get("/api/public/dossiers/{code}?pin={pin}", newCode(), "112233")
                    .then().statusCode(404);
        }
        Response refused = given().when().get("/api/public/dossiers/{code}?pin=999999", code);
        assertEquals(429, refused.statusCode());
        assertEquals("application/problem+json", refused.contentType());
        assertEquals("Quá nhiều yêu cầu", refused.jsonPath().getString("title"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);

        // A correct PIN answered during the block would tell a guesser when it hit.
        Response right = given().when().get("/api/public/dossiers/{code}?pin=112233", code);
        assertEquals(429, right.statusCode(), right.asString());
        assertTrue(Long.parseLong(right.header("Retry-After")) >= 1);
        given().when().get("/api/public/open311/requests/{code}?pin=112233", code).then().statusCode(429);
        given().when().get("/api/public/dossiers/{code}?pin={pin}", newCode(), "112233").then().statusCode(429);
    }

    /**
     * Guesses spread over many addresses: each address stays far under its own limit, but the code has taken
     * ten misses within the hour, so a fresh address is refused even with the right PIN, while other dossiers
     * are looked up as before.
     */
    @Test
    void tenMissesOnOneCodeFromManyAddressesBlockThatCodeForEveryone() throws IOException {
        String code = newCode();
        String other = newCode();
        send(Topics.INTAKE, received(code, "314159"));
        send(Topics.INTAKE, received(other, "271828"));
        awaitTimeline(code, 1);
        awaitTimeline(other, 1);

        for (int i = 0; i < 10; i++) {
            assertEquals(404, statusFrom("127.0.3." + (i + 1), "/api/public/dossiers/" + code + "?pin=" + String.format("%06d", i)));
        }
        assertEquals(429, statusFrom("127.0.3.100", "/api/public/dossiers/" + code + "?pin=314159"));
        assertEquals(429, statusFrom("127.0.3.101", "/api/public/open311/requests/" + code + "?pin=314159"));
        Response refused = given().when().get("/api/public/dossiers/{code}?pin=314159", code);
        assertEquals(429, refused.statusCode());
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter > 60 && retryAfter <= 3600, "blocked for the rest of the hour: " + retryAfter);

        assertEquals(200, statusFrom("127.0.3.102", "/api/public/dossiers/" + other + "?pin=271828"));
    }

    @Test
    void lookupsThatNeverMissAreNeverLimited() {
        String code = newCode();
        send(Topics.INTAKE, received(code, "909090"));
        awaitTimeline(code, 1);
        for (int i = 0; i < 40; i++) {
            given().when().get("/api/public/dossiers/{code}?pin=909090", code).then().statusCode(200);
        }
    }

    /**
     * Twice as many misses at once as the pool has connections (20), with correct lookups among them: every
     * request is answered, none with a 500. When a miss was counted while the read still held its connection,
     * such a burst held the whole pool, each request waiting for a second connection, until all timed out.
     * The code's lookups take turns, so exactly ten misses get through to a 404, however many race.
     */
    @Test
    void aBurstOfMissesNeitherExhaustsThePoolNorPassesTheLimit() throws Exception {
        String code = newCode();
        send(Topics.INTAKE, received(code, "445566"));
        awaitTimeline(code, 1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(48);
        try {
            List<java.util.concurrent.Future<Integer>> misses = new java.util.ArrayList<>();
            List<java.util.concurrent.Future<Integer>> hits = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String pin = String.format("%06d", 100000 + i);
                misses.add(pool.submit(() -> given().when().get("/api/public/dossiers/{code}?pin={pin}", code, pin)
                        .statusCode()));
                if (i % 5 == 0) {
                    hits.add(pool.submit(() -> given().when().get("/api/public/dossiers/{code}?pin=445566", code)
                            .statusCode()));
                }
            }
            int notFound = 0;
            for (java.util.concurrent.Future<Integer> miss : misses) {
                int status = miss.get(30, java.util.concurrent.TimeUnit.SECONDS);
                assertTrue(status == 404 || status == 429, "a miss answered " + status);
                notFound += status == 404 ? 1 : 0;
            }
            assertEquals(10, notFound, "misses answered before the block");
            for (java.util.concurrent.Future<Integer> hit : hits) {
                int status = hit.get(30, java.util.concurrent.TimeUnit.SECONDS);
                assertTrue(status == 200 || status == 429, "a correct lookup answered " + status);
            }
        } finally {
            pool.shutdownNow();
        }
        given().when().get("/api/public/dossiers/{code}?pin=445566", code).then().statusCode(429);
    }

    /** The status of a GET sent from {@code address} (any 127/8 address reaches the test server on Linux). */
    private static int statusFrom(String address, String path) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(address, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 5000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    @Test
    void redeliveredEventChangesNothing() throws SQLException {
        String code = newCode();
        send(Topics.INTAKE, received(code, "246810"));
        String assignedTwice = EventJson.write(EventTypes.envelope("routing", assigned(code, RECEIVED_AT.plusMinutes(5))));
        String processed = EventJson.write(EventTypes.envelope("routing", new DossierProcessed(code,
                RECEIVED_AT.plusHours(2), Outcome.APPROVED, "BHXH-KV1", null, appointment(), true)));
        // one partition per dossier: the duplicate is consumed before the event that follows it
        TopicReader.send(bootstrap, Topics.ROUTING,
                List.of(Map.entry(code, assignedTwice), Map.entry(code, assignedTwice), Map.entry(code, processed)));
        await().atMost(Duration.ofSeconds(30)).until(() -> nationalStatus(code) == 9 && timelineSize(code) >= 3);

        given().when().get("/api/public/dossiers/{code}?pin=246810", code)
                .then().statusCode(200)
                .body("nationalStatusCode", equalTo(9))
                .body("status", equalTo("Đã xử lý xong"))
                .body("currentAgency", nullValue())
                .body("timeline.status", contains("Được tiếp nhận", "Đang xử lý", "Đã xử lý xong"));
        assertEquals(3, timelineSize(code));
    }

    @Test
    void anAssignmentOvertakingTheReceptionIsKept() {
        String code = newCode();
        send(Topics.ROUTING, assigned(code, RECEIVED_AT.plusMinutes(1)));
        awaitTimeline(code, 1);
        // the partial row is not shown: without `received` there is no PIN to check
        given().when().get("/api/public/dossiers/{code}?pin=135790", code).then().statusCode(404);

        send(Topics.INTAKE, received(code, "135790"));
        awaitTimeline(code, 2);

        given().when().get("/api/public/dossiers/{code}?pin=135790", code)
                .then().statusCode(200)
                .body("nationalStatusCode", equalTo(4))
                .body("currentAgency", equalTo("TUPHAP-BADINH"))
                .body("procedureName", equalTo(PROCEDURE_NAME))
                .body("appointmentAt", equalTo(appointment().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)))
                .body("timeline.status", contains("Được tiếp nhận", "Đang xử lý"));
    }

    private static String newCode() {
        return DossierCode.format(UNIT, RECEIVED_AT, SEQUENCE.incrementAndGet());
    }

    private static OffsetDateTime appointment() {
        return RECEIVED_AT.plusDays(14).withHour(17).withMinute(0).withSecond(0);
    }

    private static DossierReceived received(String code, String pin) {
        RoutingPlanSnapshot plan = new RoutingPlanSnapshot("BHXH-KV1", List.of(
                PlanStage.single(new PlanStep("khai-sinh", "TUPHAP-BADINH", "Công chức Tư pháp - Hộ tịch phường Ba Đình",
                        null, StatutoryTime.workingDays(3)))));
        return new DossierReceived(code, "LT-KS-TT-BHYT", 1, PROCEDURE_NAME, ReceptionChannel.COUNTER, UNIT,
                "counter1", RECEIVED_AT, appointment(), StatutoryTime.workingDays(10),
                new Applicant("Nguyễn Văn An", "0912345678", "an.nguyen@example.com", "Ba Đình, Hà Nội"),
                null, pin, plan);
    }

    private static TaskAssigned assigned(String code, OffsetDateTime at) {
        return new TaskAssigned(code, UUID.randomUUID(), "khai-sinh", "TUPHAP-BADINH",
                "Công chức Tư pháp - Hộ tịch phường Ba Đình", UNIT, at, at.plusDays(3));
    }

    private void send(String topic, EventPayload payload) {
        CloudEvent<EventPayload> event = EventTypes.envelope("test", payload);
        TopicReader.send(bootstrap, topic, List.of(Map.entry(payload.subject(), EventJson.write(event))));
    }

    private void awaitTimeline(String code, int entries) {
        await().atMost(Duration.ofSeconds(30)).until(() -> timelineSize(code) >= entries);
    }

    private int timelineSize(String code) throws SQLException {
        return count("select count(*) from dossier_timeline where code = ?", code);
    }

    private int nationalStatus(String code) throws SQLException {
        return count("select coalesce(max(national_status_code), 0) from dossier_status where code = ?", code);
    }

    private int count(String sql, String code) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static String withoutInstance(String problem) {
        return problem.replaceAll(",?\"instance\":\"[^\"]*\"", "");
    }
}
