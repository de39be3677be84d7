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
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import vn.motcua.shared.calendar.DeadlineCalculator;
import vn.motcua.shared.events.CloudEvent;
import vn.motcua.shared.events.DocumentForm;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.EventTypes;
import vn.motcua.shared.events.Outcome;
import vn.motcua.shared.events.Topics;
import vn.motcua.shared.events.intake.DossierReceived;
import vn.motcua.shared.events.intake.DossierRefused;
import vn.motcua.shared.events.intake.DossierSubmitted;
import vn.motcua.shared.events.intake.DossierSupplementRequested;
import vn.motcua.shared.events.intake.DossierSupplementSupplied;
import vn.motcua.shared.events.intake.DossierWithdrawn;
import vn.motcua.shared.events.intake.SupplementItem;
import vn.motcua.shared.events.routing.DossierPaused;
import vn.motcua.shared.events.routing.DossierProcessed;
import vn.motcua.shared.events.routing.DossierRouted;
import vn.motcua.shared.events.routing.PauseReason;
import vn.motcua.shared.text.SearchText;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After a dossier entered: the check of online submissions (accept, Form 02, Form 03), supplements at the
 * check and during processing (routing's pause), withdrawal, races, and the officers' list. Same test
 * resources as {@link ReceptionTest}, so Quarkus boots once for both.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class CounterWorkflowTest {
    static final String UNIT = ReceptionTest.UNIT;
    static final String OTHER_UNIT = "000.01.31.H29";
    static final String COUNTER = ReceptionTest.COUNTER;
    static final String OTHER_COUNTER = TestTokens.counterOfficer("counter9", OTHER_UNIT);
    static final String CITIZEN = TestTokens.citizen("citizen1", "001090012345");
    static final String OTHER_CITIZEN = TestTokens.citizen("citizen2", "001090099999");

    @Inject
    AgroalDataSource dataSource;
    @Inject
    SessionFactory sessions;
    @Inject
    vn.motcua.intake.domain.CatalogueAnnouncement announcement;
    @Inject
    vn.motcua.intake.domain.UncheckedSubmissions unchecked;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static String submission(String... documents) {
        StringBuilder docs = new StringBuilder();
        for (String d : documents) {
            docs.append(docs.isEmpty() ? "" : ",").append("{\"name\":\"").append(d).append("\",\"form\":\"ORIGINAL\",\"copies\":1}");
        }
        return """
                {"procedureCode":"LT-KS-TT-BHYT","unitCode":"%s",
                 "applicant":{"fullName":"Trần Thị Bình","idNumber":"001090012345","phone":"0987654321",
                              "email":"binh.tran@example.vn","address":"5 Đội Cấn, Ba Đình, Hà Nội"},
                 "documents":[%s]}""".formatted(UNIT, docs);
    }

    static Response submit(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/public/submissions");
    }

    static Response act(String token, String code, String action, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON);
        if (body != null) {
            request.body(body);
        }
        return request.post("/api/dossiers/" + code + "/" + action);
    }

    <T> T event(String topic, String code, String type, Class<T> payload) {
        return events(topic, code, type, payload, 1).get(0);
    }

    <T> List<T> events(String topic, String code, String type, Class<T> payload, int atLeast) {
        List<T> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            found.clear();
            for (ConsumerRecord<String, String> r : TopicReader.read(bootstrap, topic, 1, Duration.ofMillis(300),
                    Duration.ofSeconds(10))) {
                if (code.equals(r.key())) {
                    CloudEvent<JsonNode> e = EventJson.read(r.value());
                    if (e.type().equals(type)) {
                        found.add(EventJson.dataAs(e, payload));
                    }
                }
            }
            return found.size() >= atLeast;
        });
        return found;
    }

    String status(String code) {
        return given().auth().oauth2(COUNTER).get("/api/dossiers/" + code).then().statusCode(200).extract().path("status");
    }

    long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Issue 20, item 4: an online submission still unchecked one working day after it came in raises one warning for
     * supervisors; not before, and not twice.
     */
    @Test
    void aSubmissionLeftUncheckedIsWarnedAboutOnce() throws SQLException {
        String code = submit(CITIZEN, submission(ReceptionTest.ALL_DOCUMENTS)).then().statusCode(201)
                .extract().path("code");
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(EventJson.VIETNAM);
        unchecked.sweep(now);
        assertEquals(0, count("select count(*) from dossier where code = '" + code + "' and unchecked_warned_at is not null"));
        unchecked.sweep(now.plusDays(10));
        unchecked.sweep(now.plusDays(11));
        assertEquals(1, count("select count(*) from dossier where code = '" + code + "' and unchecked_warned_at is not null"));
        vn.motcua.shared.events.intake.SubmissionUnchecked warning = event(Topics.INTAKE, code,
                vn.motcua.shared.events.intake.SubmissionUnchecked.TYPE, vn.motcua.shared.events.intake.SubmissionUnchecked.class);
        assertEquals(UNIT, warning.unitCode());
        assertTrue(warning.checkDueAt().isAfter(warning.submittedAt()), warning.toString());
        assertEquals(1, events(Topics.INTAKE, code, vn.motcua.shared.events.intake.SubmissionUnchecked.TYPE,
                vn.motcua.shared.events.intake.SubmissionUnchecked.class, 1).size(), "warned once");
    }

    /**
     * Issue 20, item 4: the supervisors' list of online submissions left unchecked beyond their time for the check:
     * not while there is time, then with its check-by time, of its unit only when narrowed, and no longer once an
     * officer checked it. Supervisors only.
     */
    @Test
    void supervisorsListSubmissionsLeftUncheckedBeyondTheirTime() {
        String code = submit(CITIZEN, submission(ReceptionTest.ALL_DOCUMENTS)).then().statusCode(201)
                .extract().path("code");
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(EventJson.VIETNAM);
        vn.motcua.platform.api.Page.Request all = vn.motcua.platform.api.Page.Request.of(null, "500");
        assertTrue(unchecked.list(now, UNIT, all).items().stream().noneMatch(r -> r.code().equals(code)));
        var late = unchecked.list(now.plusDays(10), UNIT, all);
        var row = late.items().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
        assertEquals(UNIT, row.unitCode());
        assertEquals("LT-KS-TT-BHYT", row.procedureCode());
        assertTrue(row.checkBy().isAfter(row.submittedAt()) && !row.checkBy().isAfter(now.plusDays(10)), row.toString());
        assertTrue(late.items().stream().allMatch(r -> r.unitCode().equals(UNIT)));
        assertTrue(unchecked.list(now.plusDays(10), OTHER_UNIT, all).items().stream().noneMatch(r -> r.code().equals(code)));
        assertTrue(unchecked.list(now.plusDays(10), null, all).items().stream().anyMatch(r -> r.code().equals(code)));

        act(COUNTER, code, "accept", null).then().statusCode(200);
        assertTrue(unchecked.list(now.plusDays(10), UNIT, all).items().stream().noneMatch(r -> r.code().equals(code)));

        given().auth().oauth2(TestTokens.supervisor("supervisor1")).queryParam("unit", UNIT)
                .get("/api/submissions/unchecked").then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(50)).body("total", org.hamcrest.Matchers.notNullValue())
                .body("items.code", not(hasItem(code)));
        given().auth().oauth2(TestTokens.supervisor("supervisor1")).queryParam("size", "501")
                .get("/api/submissions/unchecked").then().statusCode(400);
        given().auth().oauth2(COUNTER).get("/api/submissions/unchecked").then().statusCode(403);
        given().get("/api/submissions/unchecked").then().statusCode(401);
    }

    @Test
    void onlineSubmissionWaitsForTheCheckAndTheClockStartsWhenAnOfficerAcceptsIt() {
        submit(CITIZEN, submission(ReceptionTest.ALL_DOCUMENTS)).then().statusCode(201);
        Response submitted = submit(CITIZEN, submission(ReceptionTest.ALL_DOCUMENTS));
        submitted.then().statusCode(201)
                .body("code", matchesPattern("000\\.00\\.31\\.H29-[0-9]{6}-[0-9]{4}"))
                .body("status", equalTo("SUBMITTED"))
                .body("lookupPin", matchesPattern("[0-9]{6}"))
                .body("appointmentAt", nullValue())
                .body("submittedAt", containsString("+07:00"));
        String code = submitted.path("code");

        DossierSubmitted event = event(Topics.INTAKE, code, DossierSubmitted.TYPE, DossierSubmitted.class);
        assertEquals(submitted.<String>path("lookupPin"), event.lookupPin(), "the citizen is told their PIN");
        assertEquals(64, event.citizenIdHmac().length());

        // Citizens cannot use the counter's reception; the citizen sees their own submission, no one else's.
        ReceptionTest.post(CITIZEN, ReceptionTest.newborn("001090012345", ReceptionTest.ALL_DOCUMENTS), null)
                .then().statusCode(403);
        given().auth().oauth2(CITIZEN).get("/api/public/submissions/" + code).then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("nationalStatusCode", equalTo(1));
        given().auth().oauth2(OTHER_CITIZEN).get("/api/public/submissions/" + code).then().statusCode(404);
        given().auth().oauth2(CITIZEN).get("/api/public/submissions").then().statusCode(200)
                .body("items.code", hasItem(code));
        given().auth().oauth2(OTHER_CITIZEN).get("/api/public/submissions").then().statusCode(200)
                .body("items.code", not(hasItem(code)));

        // Another unit's officer cannot see or accept it; the unit's officer accepts it.
        act(OTHER_COUNTER, code, "accept", null).then().statusCode(404);
        act(TestTokens.supervisor("supervisor1"), code, "accept", null).then().statusCode(403);
        Response accepted = act(COUNTER, code, "accept", null);
        accepted.then().statusCode(200).body("status", equalTo("RECEIVED")).body("nationalStatusCode", equalTo(2))
                .body("receivedBy", equalTo("counter1"));
        OffsetDateTime receivedAt = OffsetDateTime.parse(accepted.path("receivedAt"));
        assertEquals(DeadlineCalculator.standard().dueAfterWorkingDays(receivedAt.toInstant(), 3),
                OffsetDateTime.parse(accepted.path("appointmentAt")), "the clock starts at acceptance");
        DossierReceived received = event(Topics.INTAKE, code, DossierReceived.TYPE, DossierReceived.class);
        assertNull(received.lookupPin(), "the PIN went on `submitted` only");
        assertEquals("counter1", received.receivedBy());

        act(COUNTER, code, "accept", null).then().statusCode(409)
                .contentType("application/problem+json").body("type", containsString("illegal-transition"));
    }

    @Test
    void anIncompleteSubmissionGetsOneWrittenRequestAndIsAcceptedOnceSupplied() throws SQLException {
        String code = submit(CITIZEN, submission("Tờ khai đăng ký khai sinh", "Tờ khai thay đổi thông tin cư trú",
                "Tờ khai tham gia bảo hiểm y tế")).then().statusCode(201).extract().path("code");
        act(COUNTER, code, "accept", null).then().statusCode(422)
                .body("type", containsString("incomplete-dossier"))
                .body("errors.message", hasItem(containsString("Giấy chứng sinh")));
        assertEquals("SUBMITTED", status(code), "a refused acceptance changes nothing");

        // issue 17: a supply-by date in the past, or absurdly far, is bad input (the probe's 2000-01-01 was taken)
        LocalDate today = LocalDate.now(EventJson.VIETNAM);
        for (LocalDate absurd : List.of(LocalDate.of(2000, 1, 1), today.minusDays(1),
                today.plusYears(1).plusDays(1))) {
            act(COUNTER, code, "supplement-request", """
                    {"reason":"Thiếu giấy chứng sinh","items":[{"name":"Giấy chứng sinh"}],"supplyBy":"%s"}"""
                    .formatted(absurd)).then().statusCode(400).body("type", containsString("supply-by-out-of-range"));
        }
        assertEquals("SUBMITTED", status(code), "a refused request changes nothing");
        act(COUNTER, code, "supplement-request", """
                {"reason":"Thiếu giấy chứng sinh","items":[{"name":"Giấy chứng sinh","form":"ORIGINAL","copies":1}],
                 "supplyBy":"%s"}""".formatted(today.plusDays(10))).then().statusCode(200)
                .body("status", equalTo("SUBMISSION_SUPPLEMENT_REQUESTED")).body("nationalStatusCode", equalTo(5))
                .body("supplements[0].items[0].name", equalTo("Giấy chứng sinh"));
        act(COUNTER, code, "supplement-request", """
                {"reason":"Lần hai","items":[{"name":"Giấy chứng sinh"}]}""").then().statusCode(409);
        act(COUNTER, code, "supplement-request", """
                {"reason":"","items":[]}""").then().statusCode(400);
        DossierSupplementRequested asked = event(Topics.INTAKE, code, DossierSupplementRequested.TYPE,
                DossierSupplementRequested.class);
        assertNull(asked.agencyCode(), "asked by the one-stop unit at the check");
        assertEquals(List.of(new SupplementItem("Giấy chứng sinh", DocumentForm.ORIGINAL, 1, null)), asked.items());

        given().auth().oauth2(CITIZEN).contentType(ContentType.JSON)
                .body("""
                        {"items":[{"name":"Giấy chứng sinh","form":"ORIGINAL","copies":1}],"note":"Nộp bổ sung"}""")
                .post("/api/public/submissions/" + code + "/supplements").then().statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("documents.name", hasItem("Giấy chứng sinh"))
                .body("supplements[0].suppliedAt", not(nullValue()));
        DossierSupplementSupplied supplied = event(Topics.INTAKE, code, DossierSupplementSupplied.TYPE,
                DossierSupplementSupplied.class);
        assertNull(supplied.receivedBy(), "supplied online");
        act(COUNTER, code, "accept", null).then().statusCode(200).body("status", equalTo("RECEIVED"));
        assertEquals(1, count("select count(*) from intake.supplement_request s join intake.dossier d on d.id = s.dossier_id"
                + " where d.code = '" + code + "'"));
    }

    /** Found by the system tests' fuzzer: a null among the items was a 500 (NullPointerException), not a 400. */
    @Test
    void aNullItemInASupplementIsBadInputNotAServerError() {
        String code = submit(CITIZEN, submission("Tờ khai đăng ký khai sinh")).then().statusCode(201)
                .extract().path("code");
        act(COUNTER, code, "supplement-request", "{\"reason\":\"Thiếu giấy tờ\",\"items\":[null]}").then().statusCode(400)
                .contentType("application/problem+json");
        act(COUNTER, code, "supplement-request", """
                {"reason":"Thiếu giấy chứng sinh","items":[{"name":"Giấy chứng sinh","form":"ORIGINAL","copies":1}]}""")
                .then().statusCode(200);
        given().auth().oauth2(CITIZEN).contentType(ContentType.JSON).body("{\"items\":[null]}")
                .post("/api/public/submissions/" + code + "/supplements").then().statusCode(400)
                .contentType("application/problem+json");
        act(COUNTER, code, "supplements", "{\"items\":[{\"name\":\"Giấy chứng sinh\"},null]}").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aRefusalGivesEveryReasonAndEndsTheSubmission() {
        String code = submit(CITIZEN, submission(ReceptionTest.ALL_DOCUMENTS)).then().statusCode(201).extract().path("code");
        act(COUNTER, code, "refuse", "{\"reasons\":[]}").then().statusCode(400);
        act(COUNTER, code, "refuse", "{\"reasons\":\"không phải danh sách\"}").then().statusCode(400);
        act(COUNTER, code, "refuse", """
                {"reasons":["Trẻ không cư trú trên địa bàn phường","Hồ sơ thuộc thẩm quyền nơi cư trú của mẹ"]}""")
                .then().statusCode(200).body("status", equalTo("REFUSED")).body("nationalStatusCode", equalTo(3))
                .body("history[-1].reasons.size()", equalTo(2));
        DossierRefused refused = event(Topics.INTAKE, code, DossierRefused.TYPE, DossierRefused.class);
        assertEquals(2, refused.reasons().size());
        assertEquals("Trần Thị Bình", refused.applicant().fullName(), "never received: the notice needs the contact");
        act(COUNTER, code, "accept", null).then().statusCode(409);
        given().auth().oauth2(CITIZEN).contentType(ContentType.JSON).body("{}")
                .post("/api/public/submissions/" + code + "/withdraw").then().statusCode(409);
    }

    @Test
    void anApplicantWithdrawsBeforeAResultButNotTwice() {
        String counterCode = ReceptionTest.post(COUNTER, ReceptionTest.newborn("001090012345", ReceptionTest.ALL_DOCUMENTS),
                null).then().statusCode(201).extract().path("code");
        act(OTHER_COUNTER, counterCode, "withdraw", "{}").then().statusCode(404);
        act(COUNTER, counterCode, "withdraw", "{\"reason\":\"Gia đình chuyển nơi cư trú\"}").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("nationalStatusCode", equalTo(7));
        DossierWithdrawn withdrawn = event(Topics.INTAKE, counterCode, DossierWithdrawn.TYPE, DossierWithdrawn.class);
        assertEquals("counter1", withdrawn.recordedBy());
        assertEquals("Gia đình chuyển nơi cư trú", withdrawn.reason());
        act(COUNTER, counterCode, "withdraw", "{}").then().statusCode(409);

        // The citizen withdraws their own online submission; someone else's answers 404.
        String online = submit(CITIZEN, submission(ReceptionTest.ALL_DOCUMENTS)).then().statusCode(201).extract().path("code");
        given().auth().oauth2(OTHER_CITIZEN).contentType(ContentType.JSON).body("{}")
                .post("/api/public/submissions/" + online + "/withdraw").then().statusCode(404);
        given().auth().oauth2(CITIZEN).contentType(ContentType.JSON).body("{\"reason\":\"Nộp nhầm thủ tục\"}")
                .post("/api/public/submissions/" + online + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        assertNull(event(Topics.INTAKE, online, DossierWithdrawn.TYPE, DossierWithdrawn.class).recordedBy());
    }

    @Test
    void anAgencysSupplementRequestReachesTheApplicantAndTheSupplyResumesProcessing() throws Exception {
        String code = ReceptionTest.post(COUNTER, ReceptionTest.newborn("001090012345", ReceptionTest.ALL_DOCUMENTS),
                null).then().statusCode(201).extract().path("code");
        OffsetDateTime now = OffsetDateTime.now(EventJson.VIETNAM);
        String routed = EventJson.write(EventTypes.envelope("routing-service",
                new DossierRouted(code, now, now.plusDays(5), List.of())));
        String paused = EventJson.write(EventTypes.envelope("routing-service", new DossierPaused(code, now.plusMinutes(5),
                PauseReason.SUPPLEMENT_REQUESTED, now.plusDays(5), "Giấy chứng sinh bị mờ", "TUPHAP-BADINH", "tuphap1",
                List.of(new SupplementItem("Giấy chứng sinh", DocumentForm.ORIGINAL, 1, "bản rõ nét")),
                LocalDate.of(2099, 12, 15))));
        // The pause is delivered twice: the applicant still gets one request.
        TopicReader.send(bootstrap, Topics.ROUTING, List.of(Map.entry(code, routed), Map.entry(code, paused),
                Map.entry(code, paused)));
        await().atMost(Duration.ofSeconds(30)).until(() -> "SUPPLEMENT_REQUESTED".equals(status(code)));

        DossierSupplementRequested asked = event(Topics.INTAKE, code, DossierSupplementRequested.TYPE,
                DossierSupplementRequested.class);
        assertEquals("TUPHAP-BADINH", asked.agencyCode());
        assertEquals("tuphap1", asked.requestedBy());
        assertEquals("Giấy chứng sinh bị mờ", asked.reason());
        // The agency's supply-by date (issue 20) reaches the applicant's request and is printed on Form 02.
        assertEquals(LocalDate.of(2099, 12, 15), asked.supplyBy());
        byte[] form02 = given().auth().oauth2(COUNTER).accept("application/pdf")
                .get("/api/dossiers/" + code + "/supplement-request").then().statusCode(200).extract().asByteArray();
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(form02)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertTrue(text.contains("Hạn bổ sung: trước ngày 15/12/2099"), text);
        }
        assertEquals(1, count("select count(*) from intake.supplement_request s join intake.dossier d on d.id = s.dossier_id"
                + " where d.code = '" + code + "'"));

        act(COUNTER, code, "supplements", """
                {"items":[{"name":"Giấy chứng sinh","form":"ORIGINAL","copies":1}]}""").then().statusCode(200)
                .body("status", equalTo("IN_PROCESS"));
        assertEquals("counter1", event(Topics.INTAKE, code, DossierSupplementSupplied.TYPE,
                DossierSupplementSupplied.class).receivedBy());

        String processed = EventJson.write(EventTypes.envelope("routing-service", new DossierProcessed(code,
                now.plusHours(2), Outcome.APPROVED, "BHXH-KV1", null, now.plusDays(5), true)));
        TopicReader.send(bootstrap, Topics.ROUTING, List.of(Map.entry(code, processed)));
        await().atMost(Duration.ofSeconds(30)).until(() -> "PROCESSED".equals(status(code)));
        act(COUNTER, code, "withdraw", "{}").then().statusCode(409);
        given().auth().oauth2(COUNTER).get("/api/dossiers/" + code).then()
                .body("history.action", equalTo(List.of("RECEIVE", "START_PROCESSING", "REQUEST_SUPPLEMENT",
                        "SUPPLY_SUPPLEMENT", "DECIDE")));
    }

    @Test
    void aDecisionThatOvertakesTheRoutedEventIsFollowedInOrderAndOnlyOnce() {
        String code = ReceptionTest.post(COUNTER, ReceptionTest.newborn("001090012346", ReceptionTest.ALL_DOCUMENTS),
                null).then().statusCode(201).extract().path("code");
        OffsetDateTime now = OffsetDateTime.now(EventJson.VIETNAM);
        String processed = EventJson.write(EventTypes.envelope("routing-service", new DossierProcessed(code,
                now.plusHours(1), Outcome.APPROVED, "TUPHAP-BADINH", "Đủ điều kiện", now.plusDays(1), true)));
        String routed = EventJson.write(EventTypes.envelope("routing-service",
                new DossierRouted(code, now, now.plusDays(1), List.of())));
        // The decision comes first (and twice, as two events); the routed event comes last, too late to change anything.
        TopicReader.send(bootstrap, Topics.ROUTING, List.of(Map.entry(code, processed), Map.entry(code,
                EventJson.write(EventTypes.envelope("routing-service", new DossierProcessed(code, now.plusHours(1),
                        Outcome.APPROVED, "TUPHAP-BADINH", "Đủ điều kiện", now.plusDays(1), true)))),
                Map.entry(code, routed)));
        await().atMost(Duration.ofSeconds(30)).until(() -> "PROCESSED".equals(status(code)));
        String marker = ReceptionTest.post(COUNTER, ReceptionTest.newborn("001090012347", ReceptionTest.ALL_DOCUMENTS),
                null).then().statusCode(201).extract().path("code");
        // Sent under our dossier's key, so on its partition after the three events above: once the marker has moved,
        // the consumer has read past them.
        TopicReader.send(bootstrap, Topics.ROUTING, List.of(Map.entry(code, EventJson.write(EventTypes.envelope(
                "routing-service", new DossierRouted(marker, now, now.plusDays(1), List.of()))))));
        await().atMost(Duration.ofSeconds(30)).until(() -> "IN_PROCESS".equals(status(marker)));
        given().auth().oauth2(COUNTER).get("/api/dossiers/" + code).then()
                .body("status", equalTo("PROCESSED"))
                .body("history.action", equalTo(List.of("RECEIVE", "START_PROCESSING", "DECIDE")))
                .body("history.actor", equalTo(List.of("counter1", "routing-service", "routing-service")))
                .body("history[1].fromStatus", equalTo("RECEIVED"))
                .body("history[2].fromStatus", equalTo("IN_PROCESS"))
                .body("history[2].note", equalTo("Đủ điều kiện"));
        act(COUNTER, code, "withdraw", "{}").then().statusCode(409);
    }

    @Test
    void officersAcceptingAndRefusingAtOnceMakeExactlyOneWinner() throws Exception {
        String code = submit(CITIZEN, submission(ReceptionTest.ALL_DOCUMENTS)).then().statusCode(201).extract().path("code");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            String[] actions = {"accept", "accept", "refuse", "refuse"};
            for (String action : actions) {
                String body = action.equals("refuse") ? "{\"reasons\":[\"Không đủ điều kiện\"]}" : "{}";
                answers.add(pool.submit(() -> {
                    start.await();
                    return act(COUNTER, code, action, body).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(3, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, count("select count(*) from intake.dossier_history h join intake.dossier d on d.id = h.dossier_id"
                + " where d.code = '" + code + "' and h.action <> 'SUBMIT'"));
    }

    @Test
    void officersListTheirUnitsDossiersFilteredAndPaged() {
        String online = submit(CITIZEN, submission(ReceptionTest.ALL_DOCUMENTS)).then().statusCode(201).extract().path("code");
        String other = ReceptionTest.post(OTHER_COUNTER, ReceptionTest.newborn(null, ReceptionTest.ALL_DOCUMENTS), null)
                .then().statusCode(201).extract().path("code");

        given().auth().oauth2(COUNTER).get("/api/dossiers?status=SUBMITTED&channel=ONLINE&size=500").then().statusCode(200)
                .body("items.code", hasItem(online)).body("items.status", everyItem(equalTo("SUBMITTED")))
                .body("items.unitCode", everyItem(equalTo(UNIT)))
                .body("items.procedureName", everyItem(containsString("khai sinh")));
        // A counter officer's unit is their own, whatever they ask for.
        given().auth().oauth2(COUNTER).get("/api/dossiers?unit=" + OTHER_UNIT + "&size=500").then().statusCode(200)
                .body("items.code", not(hasItem(other)));
        given().auth().oauth2(TestTokens.supervisor("supervisor1")).get("/api/dossiers?unit=" + OTHER_UNIT).then()
                .statusCode(200).body("items.code", hasItem(other)).body("items.unitCode", everyItem(equalTo(OTHER_UNIT)));

        Response page0 = given().auth().oauth2(COUNTER).get("/api/dossiers?size=2&page=0");
        page0.then().statusCode(200).body("size", equalTo(2)).body("items.size()", equalTo(2));
        int total = page0.path("total");
        assertTrue(total >= 2);
        List<String> registered = page0.jsonPath().getList("items.registeredAt");
        assertTrue(OffsetDateTime.parse(registered.get(0)).compareTo(OffsetDateTime.parse(registered.get(1))) >= 0,
                "newest first");
        // Every dossier of the unit entered between the newest's day and the oldest's (one day unless the
        // tests ran across midnight in Vietnam): a filter over exactly those days finds them all.
        String newestDay = OffsetDateTime.parse(registered.get(0)).toLocalDate().toString();
        String oldestDay = OffsetDateTime.parse(given().auth().oauth2(COUNTER).get("/api/dossiers?size=1&page=" + (total - 1))
                .then().statusCode(200).extract().<String>path("items[0].registeredAt")).toLocalDate().toString();
        given().auth().oauth2(COUNTER).get("/api/dossiers?from=" + oldestDay + "&to=" + newestDay + "&procedure=LT-KS-TT-BHYT")
                .then().statusCode(200).body("total", equalTo(total));
        given().auth().oauth2(COUNTER).get("/api/dossiers?from=2020-01-01&to=2020-01-31").then().statusCode(200)
                .body("total", equalTo(0));

        long onePerPage = statements(1);
        long fullPage = statements(50);
        assertEquals(onePerPage, fullPage, "a page of 1 and a page of 50 cost the same statements");
        assertEquals(2, fullPage, "one count and one page query");

        given().auth().oauth2(COUNTER).get("/api/dossiers?status=LOST&channel=FAX&from=hôm-nay").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("channel", "from", "status"));
        given().auth().oauth2(COUNTER).get("/api/dossiers?from=2026-02-01&to=2026-01-01").then().statusCode(400);
        given().auth().oauth2(CITIZEN).get("/api/dossiers").then().statusCode(403);
        given().get("/api/dossiers").then().statusCode(401);
    }

    @Test
    void officersSearchTheirUnitsDossiersByCodeNameIdentityOrPhoneWithoutDiacritics() throws SQLException {
        // Every Vietnamese letter with a diacritic is in the name, so the SQL folding is checked against Java's.
        String name = "Đoàn Hường " + "àÀáÁảẢãÃạẠăĂằẰắẮẳẲẵẴặẶâÂầẦấẤẩẨẫẪậẬèÈéÉẻẺẽẼẹẸêÊềỀếẾểỂễỄệỆìÌíÍỉỈĩĨịỊòÒóÓỏỎõÕọỌ"
                + "ôÔồỒốỐổỔỗỖộỘơƠờỜớỚởỞỡỠợỢùÙúÚủỦũŨụỤưƯừỪứỨửỬữỮựỰỳỲýÝỷỶỹỸỵỴđĐ";
        String id = "0790" + (10_000_000 + (int) (Math.random() * 89_999_999));
        String phone = "09" + (10_000_000 + (int) (Math.random() * 89_999_999));
        String body = ReceptionTest.newborn(id, ReceptionTest.ALL_DOCUMENTS)
                .replace("Nguyễn Văn An", name).replace("0912345678", phone);
        String mine = ReceptionTest.post(COUNTER, body, null).then().statusCode(201).extract().path("code");
        String theirs = ReceptionTest.post(OTHER_COUNTER, body, null).then().statusCode(201).extract().path("code");

        try (Connection c = dataSource.getConnection();
             var s = c.prepareStatement("select search_text from intake.dossier where code = ?")) {
            s.setString(1, mine);
            ResultSet rs = s.executeQuery();
            rs.next();
            assertEquals(SearchText.fold(mine + " " + name + " " + id + " " + phone), rs.getString(1),
                    "the generated column folds exactly as SearchText.fold");
        }
        for (String q : List.of("doan huong", "ĐOÀN   HƯỜNG", "huong doan", id, id.substring(3, 10), phone, mine,
                mine.substring(mine.indexOf('-') + 1))) {
            given().auth().oauth2(COUNTER).queryParam("q", q).get("/api/dossiers").then().statusCode(200)
                    .body("total", equalTo(1)).body("items.code", equalTo(List.of(mine)));
        }
        // another unit's dossier is never found by a counter officer, even by its code
        given().auth().oauth2(COUNTER).queryParam("q", theirs).get("/api/dossiers").then().statusCode(200)
                .body("total", equalTo(0));
        given().auth().oauth2(TestTokens.supervisor("supervisor1")).queryParam("q", "doan huong " + id)
                .get("/api/dossiers").then().statusCode(200).body("items.code", containsInAnyOrder(mine, theirs));
        given().auth().oauth2(COUNTER).queryParam("q", "doan huong").queryParam("status", "SUBMITTED")
                .get("/api/dossiers").then().statusCode(200).body("total", equalTo(0));
        // LIKE's wildcards are letters like any other: "doan%huong" is not "doan huong"
        given().auth().oauth2(COUNTER).queryParam("q", "doan%huong").get("/api/dossiers").then().statusCode(200)
                .body("total", equalTo(0));
        given().auth().oauth2(COUNTER).queryParam("q", "doan_huong").get("/api/dossiers").then().statusCode(200)
                .body("total", equalTo(0));
        given().auth().oauth2(COUNTER).queryParam("q", "x".repeat(101)).get("/api/dossiers").then().statusCode(400)
                .body("errors.field", hasItem("q"));

        // the trigram index serves "contains" (the planner takes it once a table scan is ruled out)
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("set enable_seqscan = off");
            ResultSet plan = s.executeQuery("explain select code from intake.dossier where search_text like '%doan huong%'");
            StringBuilder text = new StringBuilder();
            while (plan.next()) {
                text.append(plan.getString(1)).append('\n');
            }
            assertTrue(text.toString().contains("dossier_search_trgm"), text.toString());
        }
    }

    @Test
    void theReturnChannelChosenAtReceptionIsKeptShownAndCarriedOnTheReceivedEvent() {
        String base = ReceptionTest.newborn(null, ReceptionTest.ALL_DOCUMENTS);
        String byPost = base.replace("\"channel\":\"COUNTER\",",
                "\"channel\":\"COUNTER\",\"returnChannel\":\"POST\",\"returnAddress\":\"Số 3 ngõ 12 Đào Tấn, Ba Đình, Hà Nội\",");
        String posted = ReceptionTest.post(COUNTER, byPost, null).then().statusCode(201).extract().path("code");
        given().auth().oauth2(COUNTER).get("/api/dossiers/" + posted).then().statusCode(200)
                .body("returnChannel", equalTo("POST"))
                .body("returnAddress", equalTo("Số 3 ngõ 12 Đào Tấn, Ba Đình, Hà Nội"));
        DossierReceived received = event(Topics.INTAKE, posted, DossierReceived.TYPE, DossierReceived.class);
        assertEquals(vn.motcua.shared.events.ReturnChannel.POST, received.returnChannel());
        assertEquals("Số 3 ngõ 12 Đào Tấn, Ba Đình, Hà Nội", received.returnAddress());

        // By post without an address of its own: to the applicant's address.
        String toApplicant = ReceptionTest.post(COUNTER, base.replace("\"channel\":\"COUNTER\",",
                "\"channel\":\"COUNTER\",\"returnChannel\":\"POST\",\"returnAddress\":\" \","), null)
                .then().statusCode(201).extract().path("code");
        given().auth().oauth2(COUNTER).get("/api/dossiers/" + toApplicant).then().statusCode(200)
                .body("returnAddress", equalTo("12 Phúc Xá, Ba Đình, Hà Nội"));

        // Not stated: at the counter, no address, and the event says so.
        String atCounter = ReceptionTest.post(COUNTER, base, null).then().statusCode(201).extract().path("code");
        given().auth().oauth2(COUNTER).get("/api/dossiers/" + atCounter).then().statusCode(200)
                .body("returnChannel", equalTo("COUNTER")).body("returnAddress", nullValue());
        DossierReceived counter = event(Topics.INTAKE, atCounter, DossierReceived.TYPE, DossierReceived.class);
        assertEquals(vn.motcua.shared.events.ReturnChannel.COUNTER, counter.returnChannel());
        assertNull(counter.returnAddress());

        // By post with no address anywhere, or an unknown channel: 400, nothing received.
        String nowhere = base.replace("\"channel\":\"COUNTER\",", "\"channel\":\"COUNTER\",\"returnChannel\":\"POST\",")
                .replace("\"address\":\"12 Phúc Xá, Ba Đình, Hà Nội\"", "\"address\":null");
        ReceptionTest.post(COUNTER, nowhere, null).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("returnAddress"));
        ReceptionTest.post(COUNTER, base.replace("\"channel\":\"COUNTER\",", "\"channel\":\"COUNTER\",\"returnChannel\":\"PIGEON\","),
                null).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aUnitTakenOutOfServiceReceivesNothingMore() {
        String unit = "000.50.31.H29";
        String admin = TestTokens.admin("admin1");
        // received there first, so reception holds the unit in memory (Catalogue): the change must empty it at once
        ReceptionTest.post(TestTokens.counterOfficer("counter50", unit),
                ReceptionTest.newborn(null, ReceptionTest.ALL_DOCUMENTS), null).then().statusCode(201);
        Map<String, Object> record = given().auth().oauth2(admin).get("/api/units/" + unit).then().statusCode(200)
                .extract().jsonPath().getMap("$");
        record.put("active", false);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(record).put("/api/units/" + unit).then()
                .statusCode(200);
        ReceptionTest.post(TestTokens.counterOfficer("counter50", unit),
                        ReceptionTest.newborn(null, ReceptionTest.ALL_DOCUMENTS), null).then().statusCode(422)
                .body("type", containsString("unknown-unit")).body("detail", containsString("ngừng tiếp nhận"));
        String other = submission(ReceptionTest.ALL_DOCUMENTS).replace(UNIT, unit);
        submit(CITIZEN, other).then().statusCode(422);
    }

    /** The fewest statements a list page cost over a few tries (consumers may run meanwhile). */
    long statements(int size) {
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            sessions.getStatistics().clear();
            given().auth().oauth2(COUNTER).queryParam("size", size).get("/api/dossiers").then().statusCode(200)
                    .body("items.size()", org.hamcrest.Matchers.greaterThan(size == 1 ? 0 : 1));
            fewest = Math.min(fewest, sessions.getStatistics().getPrepareStatementCount());
        }
        return fewest;
    }

    @Test
    void theSeededCatalogueIsAnnouncedOnceAndAgainOnAnAdministratorsRequest() throws SQLException {
        long items = count("select (select count(*) from intake.agency) + (select count(*) from intake.one_stop_unit)"
                + " + (select count(*) from intake.procedure_version)");
        assertEquals(items, count("select items from intake.catalogue_announcement where id = 1"),
                "the first start announced every agency, unit and procedure version");
        assertEquals(0, io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(announcement::announceOnce),
                "a later start announces nothing");
        List<String> agencies = new ArrayList<>();
        for (ConsumerRecord<String, String> r : TopicReader.read(bootstrap, Topics.CATALOG, (int) items,
                Duration.ofSeconds(1), Duration.ofSeconds(20))) {
            CloudEvent<JsonNode> e = EventJson.read(r.value());
            if (e.type().equals(EventTypes.AGENCY_UPSERTED.type())) {
                agencies.add(EventTypes.AGENCY_UPSERTED.payload(e).agencyCode());
            }
        }
        assertTrue(agencies.containsAll(List.of("TUPHAP-BADINH", "CONGAN-BADINH", "BHXH-KV1")), agencies.toString());

        given().auth().oauth2(COUNTER).post("/api/catalogue/announce").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin("admin1")).post("/api/catalogue/announce").then().statusCode(200)
                .body("items", equalTo((int) items));
    }
}
