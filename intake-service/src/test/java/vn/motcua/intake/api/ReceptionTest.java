package vn.motcua.intake.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.motcua.shared.calendar.DeadlineCalculator;
import vn.motcua.shared.dossier.DossierCode;
import vn.motcua.shared.events.CloudEvent;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.EventTypes;
import vn.motcua.shared.events.Topics;
import vn.motcua.shared.events.intake.DossierReceived;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;
import vn.motcua.testsupport.TestTokens;
import vn.motcua.testsupport.TopicReader;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reception at the counter against real PostgreSQL and Kafka, with tokens from the OIDC test server. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ReceptionTest {
    static final String UNIT = "000.00.31.H29";
    static final String COUNTER = TestTokens.counterOfficer("counter1", UNIT);

    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static String newborn(String idNumber, String... documents) {
        StringBuilder docs = new StringBuilder();
        for (String d : documents) {
            docs.append(docs.isEmpty() ? "" : ",").append("{\"name\":\"").append(d).append("\",\"form\":\"ORIGINAL\",\"copies\":1}");
        }
        return """
                {"procedureCode":"LT-KS-TT-BHYT","channel":"COUNTER",
                 "applicant":{"fullName":"Nguyễn Văn An","idNumber":%s,"phone":"0912345678",
                              "email":"an.nguyen@example.vn","address":"12 Phúc Xá, Ba Đình, Hà Nội"},
                 "documents":[%s]}""".formatted(idNumber == null ? "null" : "\"" + idNumber + "\"", docs);
    }

    static final String[] ALL_DOCUMENTS = {"Tờ khai đăng ký khai sinh", "Giấy chứng sinh",
            "Tờ khai thay đổi thông tin cư trú", "Tờ khai tham gia bảo hiểm y tế"};

    static Response post(String token, String body, String key) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/dossiers");
    }

    long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void completeDossierGetsCodeAppointmentPinAndReceivedEventWithPlan() {
        Response created = post(COUNTER, newborn("001090012345", ALL_DOCUMENTS), null);
        created.then().statusCode(201)
                .body("code", matchesPattern("000\\.00\\.31\\.H29-[0-9]{6}-[0-9]{4}"))
                .body("status", equalTo("RECEIVED"))
                .body("lookupPin", matchesPattern("[0-9]{6}"))
                .body("receivedAt", containsString("+07:00"));
        String code = created.path("code");
        assertTrue(created.header("Location").endsWith("/api/dossiers/" + code));
        OffsetDateTime receivedAt = OffsetDateTime.parse(created.path("receivedAt"));
        OffsetDateTime appointment = OffsetDateTime.parse(created.path("appointmentAt"));
        assertEquals(DeadlineCalculator.standard().dueAfterWorkingDays(receivedAt.toInstant(), 3), appointment,
                "3 working days by the Vietnamese calendar");
        assertEquals(receivedAt.toLocalDate(), DossierCode.parse(code).receiptDate(), "code dated in +07:00");

        given().auth().oauth2(COUNTER).get("/api/dossiers/" + code).then().statusCode(200)
                .body("procedureName", containsString("khai sinh"))
                .body("applicant.idNumber", equalTo("*********345"))
                .body("nationalStatusCode", equalTo(2))
                .body("documents.size()", equalTo(4));

        List<ConsumerRecord<String, String>> records = TopicReader.read(bootstrap, Topics.INTAKE, 1,
                Duration.ofSeconds(2), Duration.ofSeconds(30));
        ConsumerRecord<String, String> record = records.stream().filter(r -> code.equals(r.key())).findFirst().orElseThrow();
        assertFalse(record.value().contains("001090012345"), "the citizen ID never goes on a topic");
        CloudEvent<JsonNode> event = EventJson.read(record.value());
        assertEquals(DossierReceived.TYPE, event.type());
        DossierReceived received = EventTypes.DOSSIER_RECEIVED.payload(event);
        assertEquals(code, received.dossierCode());
        assertEquals(created.<String>path("lookupPin"), received.lookupPin());
        assertEquals(List.of("TUPHAP-BADINH", "CONGAN-BADINH", "BHXH-KV1"),
                received.routingPlan().steps().stream().map(s -> s.agencyCode()).toList());
        assertEquals(appointment.toInstant(), received.appointmentAt().toInstant());
        assertEquals(64, received.citizenIdHmac().length());
        // The catalogue's rules travel with it, for routing to enforce (issue 20).
        assertTrue(received.rules().suspensionAllowed());
        assertTrue(received.rules().extensionAllowed());
        assertEquals(4, received.rules().documents().size());
        // A lapsed supplement returns the dossier unless the catalogue says otherwise (issue 20, item 4).
        assertEquals(vn.motcua.shared.events.SupplementLapse.RETURN, received.rules().supplementLapse());
    }

    @Test
    void sameIdempotencyKeyAnswersTheSameReceiptAndCreatesNothingTwice() throws SQLException {
        String key = UUID.randomUUID().toString();
        long before = count("select count(*) from intake.dossier");
        Response first = post(COUNTER, newborn(null, ALL_DOCUMENTS), key);
        Response second = post(COUNTER, newborn(null, ALL_DOCUMENTS), key);
        first.then().statusCode(201).header("Idempotent-Replayed", "false");
        second.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(first.<String>path("code"), second.path("code"));
        assertEquals(first.<String>path("lookupPin"), second.path("lookupPin"));
        assertEquals(before + 1, count("select count(*) from intake.dossier"));
        post(COUNTER, newborn("001090099999", ALL_DOCUMENTS), key).then().statusCode(422);
    }

    @Test
    void incompleteDossierIsRefusedWithEveryMissingDocumentAndNothingWritten() throws SQLException {
        long before = count("select count(*) from intake.dossier");
        post(COUNTER, newborn(null, "Tờ khai đăng ký khai sinh", "Giấy chứng sinh"), null).then()
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:motcua:problem:incomplete-dossier"))
                .body("errors.message", hasItems(containsString("Tờ khai thay đổi thông tin cư trú"),
                        containsString("Tờ khai tham gia bảo hiểm y tế")));
        assertEquals(before, count("select count(*) from intake.dossier"));
    }

    @Test
    void badInputIsA400ProblemNeverA500() {
        post(COUNTER, newborn("12345", ALL_DOCUMENTS), null).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItems(containsString("idNumber")));
        post(COUNTER, "{\"procedureCode\":", null).then().statusCode(400).contentType("application/problem+json");
        post(COUNTER, newborn(null, ALL_DOCUMENTS).replace("COUNTER", "FAX"), null).then().statusCode(400);
        post(COUNTER, newborn(null, ALL_DOCUMENTS).replace("LT-KS-TT-BHYT", "NO-SUCH"), null).then().statusCode(400)
                .body("errors.field", hasItems("procedureCode"));
        post(COUNTER, newborn(null, ALL_DOCUMENTS).replace("0912345678", "12ab"), null).then().statusCode(400);
        post(COUNTER, newborn(null), null).then().statusCode(400);
    }

    @Test
    void onlyCounterOfficersOfTheirOwnUnitReceiveAndSee() {
        given().contentType(ContentType.JSON).body(newborn(null, ALL_DOCUMENTS)).post("/api/dossiers").then().statusCode(401);
        post(TestTokens.agencyOfficer("tuphap1", "TUPHAP-BADINH"), newborn(null, ALL_DOCUMENTS), null).then().statusCode(403);
        post(TestTokens.token("counter9", Set.of("counter-officer"), java.util.Map.of()), newborn(null, ALL_DOCUMENTS), null)
                .then().statusCode(403).body("type", equalTo("urn:motcua:problem:no-unit"));
        String code = post(COUNTER, newborn(null, ALL_DOCUMENTS), null).path("code");
        given().auth().oauth2(TestTokens.counterOfficer("other", "000.00.32.H29")).get("/api/dossiers/" + code)
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.supervisor("supervisor1")).get("/api/dossiers/" + code).then().statusCode(200);
        given().auth().oauth2(TestTokens.citizen("citizen1", "001090012345")).get("/api/dossiers/" + code).then().statusCode(403);
    }

    @Test
    void twoHundredConcurrentReceptionsGetDistinctGaplessSequences() throws Exception {
        String unit = "000.00.77.H29";
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into intake.one_stop_unit (code, name, level) values ('" + unit + "', 'Đơn vị thử tải', 'COMMUNE')");
        }
        String token = TestTokens.counterOfficer("load", unit);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Response>> calls = IntStream.range(0, 200)
                    .<Callable<Response>>mapToObj(i -> () -> post(token, newborn(null, ALL_DOCUMENTS), null)).toList();
            Set<String> codes = new HashSet<>();
            Map<LocalDate, List<Integer>> sequencesByDay = new TreeMap<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                Response r = f.get();
                assertEquals(201, r.statusCode(), r.asString());
                DossierCode code = DossierCode.parse(r.path("code"));
                codes.add(code.toString());
                sequencesByDay.computeIfAbsent(code.receiptDate(), d -> new ArrayList<>()).add(code.sequence());
            }
            assertEquals(200, codes.size(), "no code given twice");
            // Each receipt day numbers from 1 without a gap: one day, or two if the run crossed midnight in Vietnam.
            sequencesByDay.forEach((day, sequences) -> assertEquals(
                    IntStream.rangeClosed(1, sequences.size()).boxed().toList(), sequences.stream().sorted().toList(),
                    "numbers 1.." + sequences.size() + " with no gap on " + day));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anExhaustedDailySequenceAnswersAClearProblemAndWritesNothing() throws SQLException {
        String unit = "000.00.78.H29";
        LocalDate today = OffsetDateTime.now(EventJson.VIETNAM).toLocalDate();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into intake.one_stop_unit (code, name, level) values ('" + unit + "', 'Đơn vị đầy số', 'COMMUNE')");
            // Today and tomorrow are both full, so the reception is refused even if it lands after midnight.
            s.executeUpdate("insert into intake.dossier_sequence values ('" + unit + "', '" + today + "', 9999),"
                    + " ('" + unit + "', '" + today.plusDays(1) + "', 9999)");
        }
        long before = count("select count(*) from intake.dossier");
        post(TestTokens.counterOfficer("full", unit), newborn(null, ALL_DOCUMENTS), null).then().statusCode(422)
                .body("type", equalTo("urn:motcua:problem:daily-sequence-exhausted"));
        assertEquals(before, count("select count(*) from intake.dossier"));
        String sequences = "select count(*) from intake.dossier_sequence where unit_code = '" + unit + "'";
        assertEquals(2, count(sequences), "no other day's numbering started");
        assertEquals(2, count(sequences + " and last_value = 9999"), "both days' numbers as they were");
    }

    @Test
    void catalogueAndCalendarArePublic() {
        given().get("/api/procedures").then().statusCode(200)
                .body("total", equalTo(5)).body("page", equalTo(0)).body("size", equalTo(50))
                .body("items.code", equalTo(List.of("DD-CGCN-LAN-DAU", "DKKD-TNHH-1TV",
                        "LLTP-CAP-PHIEU", "LT-KS-TT-BHYT", "LT-KT-XTT-MTP")))
                .body("items.find { it.code == 'LT-KS-TT-BHYT' }.statutoryWorkingDays", equalTo(3))
                .body("items.find { it.code == 'LT-KS-TT-BHYT' }.steps.agency",
                        equalTo(List.of("TUPHAP-BADINH", "CONGAN-BADINH", "BHXH-KV1")))
                .body("items.find { it.code == 'LT-KS-TT-BHYT' }.documents.name", equalTo(List.of(ALL_DOCUMENTS)))
                // The death chain's second stage runs police and social insurance side by side.
                .body("items.find { it.code == 'LT-KT-XTT-MTP' }.steps.parallel", equalTo(List.of(false, true, true)))
                .body("items.find { it.code == 'LT-KT-XTT-MTP' }.steps.stage", equalTo(List.of(0, 1, 1)));
        given().get("/api/procedures?size=2&page=2").then().statusCode(200)
                .body("total", equalTo(5)).body("items.code", equalTo(List.of("LT-KT-XTT-MTP")));
        given().get("/api/procedures?size=501").then().statusCode(400);
        given().get("/api/procedures?page=abc").then().statusCode(400).contentType("application/problem+json");

        Response holidays = given().get("/api/calendar/holidays?year=2025");
        holidays.then().statusCode(200);
        List<String> makeup = holidays.jsonPath().getList("findAll { it.kind == 'MAKEUP_WORKDAY' }.date");
        assertEquals(List.of("2025-04-26"), makeup);
        assertTrue(holidays.jsonPath().<String>getList("findAll { it.kind == 'DAY_OFF' }.date").contains("2025-05-02"));
        given().get("/api/calendar/holidays?year=1999").then().statusCode(400);
        // Friday 25 April 2025 + 1 working day: Saturday 26 April was a make-up working day.
        given().queryParam("from", "2025-04-25T09:00:00+07:00").queryParam("workingDays", 1).get("/api/calendar/deadline").then().statusCode(200)
                .body("due", equalTo("2025-04-26T17:00:00+07:00"));
        given().get("/api/calendar/deadline?from=yesterday&workingDays=1").then().statusCode(400);
        assertNotEquals(0, holidays.jsonPath().getList("$").size());
    }
}
