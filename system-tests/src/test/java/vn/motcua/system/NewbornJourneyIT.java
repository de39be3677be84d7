package vn.motcua.system;

import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The newborn inter-agency journey through the four services with real Keycloak tokens: received at
 * the counter → justice asks for a supplement (routing pauses its clock, intake issues Form 02) → the
 * applicant supplies at the counter (routing resumes, the due date moves by the working time paused) →
 * justice, police and social insurance approve in turn → processed → the counter returns the result →
 * the citizen rates it by code and PIN → the supervisor's progress report counts it. The citizen's lookup
 * by code and PIN follows every step; the applicant is told by e-mail (read back from GreenMail) and an
 * integrator by signed webhooks to a receiver this test runs, verified as the notification README says.
 */
class NewbornJourneyIT {
    static final Duration HOP = Duration.ofSeconds(30);

    static final String OPEN = "items.find { it.status == 'ASSIGNED' || it.status == 'CLAIMED' }.id";

    /** A webhook receiver as an integrator would run it: keeps the raw body and the headers of each delivery. */
    record Delivery(String timestamp, String signature, String eventId, String body) {
    }

    static final ConcurrentLinkedQueue<Delivery> RECEIVED = new ConcurrentLinkedQueue<>();
    static final String SECRET = "journey-secret-" + Journeys.run();
    static HttpServer receiver;
    static String subscription;

    @BeforeAll
    static void webhookReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks/motcua", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var h = exchange.getRequestHeaders();
            RECEIVED.add(new Delivery(h.getFirst("X-Motcua-Timestamp"), h.getFirst("X-Motcua-Signature"),
                    h.getFirst("X-Motcua-Event-Id"), new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        // issue 17: targets inside the operator's network are refused (the stack allows 127.0.0.1 for this receiver)
        for (String inward : new String[]{"http://localhost:5432/", "http://2130706433/", "http://[::1]:8083/",
                "http://admin:admin@127.0.0.1:%d/hooks".formatted(receiver.getAddress().getPort())}) {
            Stack.as("admin1").contentType(ContentType.JSON).body("""
                            {"name":"nội bộ","url":"%s","eventTypes":["*"]}""".formatted(inward))
                    .post(Stack.NOTIFICATION + "/api/webhook-subscriptions").then().statusCode(400);
        }
        subscription = Stack.as("admin1").contentType(ContentType.JSON).body("""
                        {"name":"Hệ thống tích hợp thử nghiệm","url":"http://127.0.0.1:%d/hooks/motcua","secret":"%s",
                         "eventTypes":["*"]}""".formatted(receiver.getAddress().getPort(), SECRET))
                .post(Stack.NOTIFICATION + "/api/webhook-subscriptions").then().statusCode(201)
                .body("secret", equalTo(SECRET)).extract().path("id");
    }

    @AfterAll
    static void stopReceiver() {
        if (subscription != null) {
            Stack.as("admin1").delete(Stack.NOTIFICATION + "/api/webhook-subscriptions/" + subscription)
                    .then().statusCode(204);
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    /** The integrator's check (notification-service README, "Verifying a webhook"). */
    static boolean verified(Delivery d) throws Exception {
        if (d.timestamp() == null || d.signature() == null
                || Math.abs(Instant.now().getEpochSecond() - Long.parseLong(d.timestamp())) > 300) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(
                mac.doFinal((d.timestamp() + "." + d.body()).getBytes(StandardCharsets.UTF_8)));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                d.signature().getBytes(StandardCharsets.UTF_8));
    }

    /** The event types of the verified deliveries about the dossier (deduplicated on the event id). */
    static Set<String> hooked(String code) {
        return RECEIVED.stream().filter(d -> JsonPath.from(d.body()).getString("dossierCode").equals(code))
                .collect(Collectors.toMap(Delivery::eventId, d -> JsonPath.from(d.body()).getString("type"), (a, b) -> a))
                .values().stream().collect(Collectors.toSet());
    }

    /** The open task of the user's agency on the dossier, once it has reached their queue. */
    static String taskOf(String user, String code) {
        return Journeys.taskOf(user, code);
    }

    static void approve(String user, String code) {
        Journeys.approve(user, code);
    }

    @Test
    void aNewbornDossierGoesFromTheCounterThroughThreeAgenciesBackToTheCitizen() throws Exception {
        String email = Journeys.mailbox("khaisinh");
        String dossier = WalkingSkeletonIT.NEWBORN.replace("binh.tran@example.vn", email);
        Response receipt = Stack.as("counter1").contentType(ContentType.JSON).body(dossier)
                .post(Stack.INTAKE + "/api/dossiers");
        receipt.then().statusCode(201);
        String code = receipt.path("code");
        String pin = receipt.path("lookupPin");
        Journeys.pdf(Stack.as("counter1"), Stack.INTAKE + "/api/dossiers/" + code + "/receipt");
        // The citizen sees it received and with the justice office; the applicant's first mail carries the PIN.
        Stack.awaitProjected(code);
        JsonPath seen = Journeys.citizenSees(code, pin, 4, Journeys.JUSTICE);
        assertEquals(receipt.<String>path("appointmentAt"), seen.getString("appointmentAt"));
        Journeys.mailArrives(email, "Hồ sơ " + code + " đã được tiếp nhận");
        String receivedMail = Stack.anonymous().get(Stack.MAIL + "/api/user/" + email + "/messages/INBOX")
                .jsonPath().getString("find { it.subject.contains('tiếp nhận') }.mimeMessage").replace("=\r\n", "");
        assertTrue(receivedMail.contains(pin), "the reception mail tells the PIN");

        // Justice asks the applicant for a supplement: the clock pauses, intake tells the applicant (Form 02).
        String justice = taskOf("tuphap1", code);
        Stack.as("tuphap1").contentType(ContentType.JSON).body("""
                        {"items":[{"name":"Giấy chứng sinh","form":"ORIGINAL","copies":1,"note":"Bản chụp bị mờ"}],
                         "note":"Giấy chứng sinh không đọc được"}""")
                .post(Stack.ROUTING + "/api/tasks/" + justice + "/supplement-request").then().statusCode(200);
        await().atMost(HOP).untilAsserted(() -> Stack.as("counter1").get(Stack.INTAKE + "/api/dossiers/" + code).then()
                .statusCode(200).body("status", equalTo("SUPPLEMENT_REQUESTED"))
                .body("supplements[0].agencyCode", equalTo("TUPHAP-BADINH")));
        Journeys.pdf(Stack.as("counter1"), Stack.INTAKE + "/api/dossiers/" + code + "/supplement-request");
        Journeys.citizenSees(code, pin, 5);
        Journeys.mailArrives(email, "Hồ sơ " + code + ": đề nghị bổ sung, hoàn thiện hồ sơ");
        JsonPath paused = Stack.as("supervisor1").get(Stack.ROUTING + "/api/dossiers/" + code).then().statusCode(200)
                .body("pausedAt", notNullValue()).body("nationalStatusCode", equalTo(5)).extract().jsonPath();
        OffsetDateTime dueBefore = OffsetDateTime.parse(paused.getString("dueAt"));
        OffsetDateTime pausedAt = OffsetDateTime.parse(paused.getString("pausedAt"));
        // The agency's actions wait while the clock is paused.
        Stack.as("tuphap1").contentType(ContentType.JSON).body("{\"outcome\":\"APPROVED\"}")
                .post(Stack.ROUTING + "/api/tasks/" + justice + "/complete").then().statusCode(409);

        // The applicant brings it to the counter: routing resumes the clock on intake's event.
        Stack.as("counter1").contentType(ContentType.JSON).body("""
                        {"items":[{"name":"Giấy chứng sinh","form":"ORIGINAL","copies":1}]}""")
                .post(Stack.INTAKE + "/api/dossiers/" + code + "/supplements").then().statusCode(200)
                .body("status", equalTo("IN_PROCESS"));
        await().atMost(HOP).untilAsserted(() -> Stack.as("supervisor1").get(Stack.ROUTING + "/api/dossiers/" + code)
                .then().statusCode(200).body("pausedAt", nullValue()));
        OffsetDateTime dueAfter = OffsetDateTime.parse(Stack.as("supervisor1")
                .get(Stack.ROUTING + "/api/dossiers/" + code).path("dueAt"));
        // The due date moves by exactly the working time the clock stood still (none outside office hours).
        OffsetDateTime suppliedAt = OffsetDateTime.parse(Stack.as("counter1").get(Stack.INTAKE + "/api/dossiers/" + code)
                .path("supplements[0].suppliedAt"));
        var calendar = vn.motcua.shared.calendar.DeadlineCalculator.standard();
        Duration stood = calendar.workingTimeBetween(pausedAt.toInstant(), suppliedAt.toInstant());
        OffsetDateTime expected = stood.isZero() || stood.isNegative() ? dueBefore
                : calendar.plusWorkingTime(dueBefore.toInstant(), stood);
        assertTrue(Duration.between(expected, dueAfter).abs().toMillis() < 5,
                "paused " + pausedAt + " → " + suppliedAt + " (" + stood + " working time): due " + dueBefore
                        + " → " + dueAfter + ", expected " + expected);
        JsonPath resumed = Journeys.citizenSees(code, pin, 4, Journeys.JUSTICE);
        assertTrue(OffsetDateTime.parse(resumed.getString("appointmentAt")).isEqual(dueAfter),
                "the citizen's appointment follows the moved due date");
        Journeys.mailArrives(email, "Hồ sơ " + code + ": đã nhận giấy tờ bổ sung");

        // Justice → police → social insurance, each in its own queue; the citizen sees each agency in turn.
        approve("tuphap1", code);
        Journeys.citizenSees(code, pin, 4, Journeys.POLICE);
        approve("congan1", code);
        Journeys.citizenSees(code, pin, 4, Journeys.INSURANCE);
        // issue 17: what an agency notes for officers never reaches the citizen's page
        Journeys.act("bhxh1", Journeys.taskOf("bhxh1", code), "complete",
                "{\"outcome\":\"APPROVED\",\"note\":\"ghi chú nội bộ: CCCD 001090012345 đã đối chiếu\"}")
                .then().statusCode(200);
        JsonPath processed = Journeys.citizenSees(code, pin, 9);
        assertFalse(processed.prettify().contains("ghi chú nội bộ"), processed.prettify());
        Journeys.intakeShows("counter1", code, "PROCESSED");
        Journeys.mailArrives(email, "Hồ sơ " + code + " đã có kết quả");
        Stack.as("tuphap1").get(Stack.ROUTING + "/api/dossiers/" + code + "/control-sheet").then().statusCode(200)
                .body("rows.size()", greaterThanOrEqualTo(3));
        Journeys.pdf(Stack.as("supervisor1"), Stack.ROUTING + "/api/dossiers/" + code + "/control-sheet");

        // The counter returns the result; the citizen rates it once.
        await().atMost(HOP).untilAsserted(() -> Stack.as("counter1").queryParam("size", 500)
                .get(Stack.RESULT + "/api/results/ready").then().statusCode(200).body("items.code", hasItem(code)));
        Stack.as("counter1").contentType(ContentType.JSON).body("""
                        {"channel":"COUNTER","receivedBy":"Trần Thị Bình"}""")
                .post(Stack.RESULT + "/api/dossiers/" + code + "/return").then().statusCode(200);
        Stack.as("counter1").contentType(ContentType.JSON).body("""
                        {"channel":"COUNTER","receivedBy":"Trần Thị Bình"}""")
                .post(Stack.RESULT + "/api/dossiers/" + code + "/return").then().statusCode(409);
        JsonPath returned = Journeys.citizenSees(code, pin, 10);
        await().atMost(HOP).untilAsserted(() -> Stack.as("counter1").get(Stack.INTAKE + "/api/dossiers/" + code).then()
                .body("status", equalTo("RESULT_RETURNED")));
        Journeys.mailArrives(email, "Hồ sơ " + code + " đã trả kết quả");
        String rating = """
                {"onTime":true,"contactCount":1,"agenciesContacted":1,"staffAttitude":"VERY_SATISFIED",
                 "openness":"SATISFIED","overall":"VERY_SATISFIED","comment":"Nhanh, chu đáo"}""";
        Stack.anonymous().contentType(ContentType.JSON).queryParam("pin", pin).body(rating)
                .post(Stack.RESULT + "/api/public/dossiers/" + code + "/rating").then().statusCode(201);
        Stack.anonymous().contentType(ContentType.JSON).queryParam("pin", pin).body(rating)
                .post(Stack.RESULT + "/api/public/dossiers/" + code + "/rating").then().statusCode(409);
        // The citizen's timeline holds every step they saw, in order.
        List<String> agencies = returned.getList("timeline.agency");
        List<String> justiceOn = List.of(Journeys.JUSTICE, Journeys.POLICE, Journeys.INSURANCE);
        assertEquals(justiceOn, agencies.stream().filter(a -> a != null && justiceOn.contains(a)).distinct().toList(), agencies.toString());
        List<String> statuses = returned.getList("timeline.status");
        for (String status : List.of("Được tiếp nhận", "Đang xử lý", "Yêu cầu bổ sung", "Đã xử lý xong", "Đã trả kết quả")) {
            assertTrue(statuses.contains(status), status + " missing from " + statuses);
        }

        // The supervisor's report counts it as returned today; the notifications reached the applicant.
        String today = LocalDate.now(ZoneOffset.ofHours(7)).toString();
        Response report = Stack.as("supervisor1").queryParam("from", today).queryParam("to", today)
                .get(Stack.RESULT + "/api/reports/progress");
        report.then().statusCode(200);
        assertTrue(report.asString().contains("\"returned\""), report.asString());
        await().atMost(HOP).untilAsserted(() -> Stack.as("supervisor1").queryParam("dossier", code)
                .get(Stack.NOTIFICATION + "/api/notifications").then().statusCode(200)
                .body("items.eventType", hasItem("vn.motcua.dossier.supplement-requested.v1")));
        // The justice office was told of its new task by e-mail: its contact came with the catalogue intake
        // announced on its first start.
        await().atMost(HOP).untilAsserted(() -> Stack.as("supervisor1").queryParam("dossier", code).queryParam("size", 500)
                .get(Stack.NOTIFICATION + "/api/notifications").then().statusCode(200)
                .body("items.findAll { it.eventType == 'vn.motcua.task.assigned.v1' && it.audience == 'AGENCY' }.outcome",
                        hasItem("DELIVERED")));
        Journeys.mailArrives("tuphap.badinh@example.vn", "[Một cửa] Hồ sơ mới cần xử lý: " + code);
        Journeys.mailArrives("bhxh.kv1@example.vn", "[Một cửa] Hồ sơ mới cần xử lý: " + code);
        assertEquals(code, Stack.as("supervisor1").queryParam("dossier", code)
                .get(Stack.NOTIFICATION + "/api/notifications").path("items[0].dossierCode"));
        String log = Stack.as("supervisor1").queryParam("dossier", code).queryParam("size", 500)
                .get(Stack.NOTIFICATION + "/api/notifications").asString();
        assertFalse(log.contains(email), "recipients are masked in the delivery log");
        Stack.as("congan1").get(Stack.ROUTING + "/api/dossiers/" + code + "/control-sheet").then()
                .statusCode(200).body("code", containsString(code));

        // The integrator's webhook got every step, each signed with its secret, and no personal data.
        Set<String> wanted = Set.of("vn.motcua.dossier.received.v1", "vn.motcua.task.assigned.v1",
                "vn.motcua.dossier.supplement-requested.v1", "vn.motcua.dossier.supplement-supplied.v1",
                "vn.motcua.dossier.resumed.v1", "vn.motcua.task.completed.v1", "vn.motcua.dossier.processed.v1",
                "vn.motcua.dossier.result-returned.v1", "vn.motcua.dossier.rated.v1");
        await().atMost(HOP).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> assertTrue(
                hooked(code).containsAll(wanted), "webhook got " + hooked(code)));
        List<Delivery> ours = RECEIVED.stream().filter(d -> d.body().contains(code)).toList();
        for (Delivery d : ours) {
            assertTrue(verified(d), "signature of " + d);
            assertEquals(d.eventId(), JsonPath.from(d.body()).getString("id"), "X-Motcua-Event-Id is the event id");
            assertFalse(d.body().contains(pin) || d.body().contains(email) || d.body().contains("0987654321")
                    || d.body().contains(Journeys.CITIZEN_ID), "lean body: " + d.body());
        }
        Delivery tampered = new Delivery(ours.get(0).timestamp(), ours.get(0).signature(), ours.get(0).eventId(),
                ours.get(0).body().replace(code, code.substring(0, code.length() - 1) + "9"));
        assertFalse(verified(tampered), "a changed body fails the check");
        Map<String, Long> perEvent = ours.stream().collect(Collectors.groupingBy(Delivery::eventId, Collectors.counting()));
        assertTrue(perEvent.values().stream().allMatch(n -> n == 1), "each event delivered once here: " + perEvent);
        Journeys.delivered(code, "vn.motcua.dossier.processed.v1", "SUBSCRIBERS", "DELIVERED");
    }
}
