package vn.motcua.system;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.system.Journeys.JUSTICE;

/**
 * The supervisors' reports after a known mixed scenario equal the numbers computed from it. The scenario
 * uses a procedure of its own (a new code each run, so a rerun on the same stack counts only its own
 * dossiers, in the report's row of that procedure) received by load47 at unit 000.47.31.H29:
 * <pre>
 *   A counter   approved today (early) → returned at the counter → rated very satisfied
 *   B counter   approved today (early)
 *   C counter   stopped
 *   D postal    withdrawn
 *   E online    accepted at the check, in progress within its deadline
 *   F counter   supplement asked by the agency: paused
 *   H counter   approved on its due day, before the due time (on time; routing's clock moved there)
 *   G counter   approved an hour after its due time (late)
 *   R online    refused at the check: never received, counted nowhere
 * </pre>
 * Decision 766 counts: received 8 (online 1, counter 6, postal 1, carried over 0) = resolved 4 (early 2,
 * on time 1, late 1) + in progress 1 (within deadline 1, overdue 0) + paused 1 + stopped 1 + withdrawn 1;
 * returned 1; online share 12.5 %; one rating, very satisfied (100 %). The log book lists exactly the 8.
 */
class ProgressReportIT {
    static final String RUN = Journeys.run();
    static final String PROCEDURE = "TN-BAOCAO-" + RUN;
    static final String OFFICER = "load47";
    static final String UNIT = "000.47.31.H29";

    @BeforeAll
    static void procedure() {
        Journeys.requireClockHook();
        Journeys.createProcedure(PROCEDURE, "Thử nghiệm: báo cáo tiến độ", 1, "FULL",
                Journeys.single(Journeys.step("giai-quyet", JUSTICE, "Giải quyết", 1)));
    }

    @AfterAll
    static void realTime() {
        Journeys.realTime();
    }

    static final Map<String, String> PINS = new java.util.concurrent.ConcurrentHashMap<>();

    static String counter(String channel) {
        Response receipt = Journeys.receive(OFFICER, PROCEDURE, channel, Journeys.mailbox("baocao"));
        String code = receipt.path("code");
        assertTrue(code.startsWith(UNIT + "-"), code);
        PINS.put(code, receipt.path("lookupPin"));
        return code;
    }

    static String online() {
        return Stack.as("citizen1").contentType(ContentType.JSON).body("""
                        {"procedureCode":"%s","unitCode":"%s","applicant":%s,"documents":%s}"""
                        .formatted(PROCEDURE, UNIT, Journeys.applicant("Phạm Thị Thu", Journeys.mailbox("baocao")),
                                Journeys.HANDED_IN))
                .post(Stack.INTAKE + "/api/public/submissions").then().statusCode(201).extract().path("code");
    }

    static String dueOf(String code) {
        return Stack.as("tuphap1").get(Stack.ROUTING + "/api/tasks/" + Journeys.taskOf("tuphap1", code))
                .then().statusCode(200).extract().path("dueAt");
    }

    @Test
    void theReportsCountAKnownMixedScenarioExactly() {
        LocalDate from = Journeys.today().minusDays(1);
        String a = counter("COUNTER");
        String b = counter("COUNTER");
        String c = counter("COUNTER");
        String d = counter("POSTAL");
        String f = counter("COUNTER");
        String g = counter("COUNTER");
        String h = counter("COUNTER");
        String e = online();
        Stack.as(OFFICER).post(Stack.INTAKE + "/api/dossiers/" + e + "/accept").then().statusCode(200)
                .body("status", equalTo("RECEIVED"));
        String r = online();
        Stack.as(OFFICER).contentType(ContentType.JSON).body("{\"reasons\":[\"Không thuộc thẩm quyền của phường\"]}")
                .post(Stack.INTAKE + "/api/dossiers/" + r + "/refuse").then().statusCode(200);

        Journeys.approve("tuphap1", a);
        Journeys.approve("tuphap1", b);
        Journeys.act("tuphap1", Journeys.taskOf("tuphap1", c), "stop", "{\"reason\":\"Đương sự đề nghị dừng\"}")
                .then().statusCode(200);
        Journeys.taskOf("tuphap1", d);
        Stack.as(OFFICER).contentType(ContentType.JSON).body("{\"reason\":\"Nộp nhầm thủ tục\"}")
                .post(Stack.INTAKE + "/api/dossiers/" + d + "/withdraw").then().statusCode(200);
        Journeys.act("tuphap1", Journeys.taskOf("tuphap1", f), "supplement-request",
                "{\"items\":[{\"name\":\"Giấy tờ chứng minh\",\"form\":\"ORIGINAL\",\"copies\":1}],\"note\":\"Bản sao mờ\"}")
                .then().statusCode(200);
        Journeys.taskOf("tuphap1", e);

        // A is returned at the counter and rated.
        Stack.awaitProjected(a);
        await().atMost(Journeys.HOP).pollInterval(Journeys.POLL).untilAsserted(() -> Stack.as(OFFICER)
                .queryParam("size", 500).get(Stack.RESULT + "/api/results/ready").then().statusCode(200)
                .body("items.code", org.hamcrest.Matchers.hasItem(a)));
        Stack.as(OFFICER).contentType(ContentType.JSON).body("{\"channel\":\"COUNTER\",\"receivedBy\":\"Phạm Thị Thu\"}")
                .post(Stack.RESULT + "/api/dossiers/" + a + "/return").then().statusCode(200);
        Journeys.citizenSees(a, PINS.get(a), 10);
        Stack.anonymous().contentType(ContentType.JSON).queryParam("pin", PINS.get(a)).body("""
                        {"onTime":true,"contactCount":1,"agenciesContacted":1,"staffAttitude":"VERY_SATISFIED",
                         "openness":"VERY_SATISFIED","overall":"VERY_SATISFIED","comment":"Tốt"}""")
                .post(Stack.RESULT + "/api/public/dossiers/" + a + "/rating").then().statusCode(201);

        // H on its due day before the due time, G after it: routing's clock is moved to each moment.
        OffsetDateTime hDue = OffsetDateTime.parse(dueOf(h));
        OffsetDateTime gDue = OffsetDateTime.parse(dueOf(g));
        Journeys.routingTimeIs(hDue.minusHours(2));
        Journeys.approve("tuphap1", h);
        Journeys.routingTimeIs(gDue.plusHours(1));
        Journeys.approve("tuphap1", g);
        Journeys.realTime();
        // To the later due day: G and H are received a moment apart, on different receipt days if 17:00 fell between.
        LocalDate to = Collections.max(List.of(gDue, hDue)).atZoneSameInstant(Journeys.VIETNAM).toLocalDate();

        assertEquals("PROCESSED", Journeys.routing(g).getString("status"));
        assertEquals("PROCESSED", Journeys.routing(h).getString("status"));
        // The citizen sees each verdict: H on time, G late.
        Stack.awaitProjected(g);
        assertEquals(Boolean.TRUE, Journeys.citizenSees(h, PINS.get(h), 9).get("onTime"));
        assertEquals(Boolean.FALSE, Journeys.citizenSees(g, PINS.get(g), 9).get("onTime"));

        Map<String, Object> expected = Map.ofEntries(
                Map.entry("received.online", 1), Map.entry("received.counter", 6), Map.entry("received.postal", 1),
                Map.entry("received.carriedOver", 0), Map.entry("received.total", 8),
                Map.entry("resolved.early", 2), Map.entry("resolved.onTime", 1), Map.entry("resolved.late", 1),
                Map.entry("resolved.total", 4),
                Map.entry("inProgress.withinDeadline", 1), Map.entry("inProgress.overdue", 0),
                Map.entry("inProgress.total", 1),
                Map.entry("paused", 1), Map.entry("stopped", 1), Map.entry("withdrawn", 1), Map.entry("returned", 1),
                Map.entry("onlineSharePercent", 12.5f),
                Map.entry("satisfaction.ratings", 1), Map.entry("satisfaction.verySatisfied", 1),
                Map.entry("satisfaction.satisfiedPercent", 100.0f));
        await().atMost(Journeys.HOP).pollInterval(Journeys.POLL).untilAsserted(() -> {
            JsonPath report = report(from, to, null).jsonPath();
            for (var entry : expected.entrySet()) {
                assertEquals(entry.getValue(), report.get(ROW + "." + entry.getKey()),
                        entry.getKey() + " in " + report.getMap(ROW));
            }
        });
        // The lead agency's filter keeps the procedure's row as it is; another agency's report has none of it.
        assertEquals(report(from, to, null).jsonPath().getMap(ROW), report(from, to, JUSTICE).jsonPath().getMap(ROW));
        assertNull(report(from, to, Journeys.INSURANCE).jsonPath().get(ROW));

        // The log book lists the eight received dossiers (not the refused one), A with its hand-over.
        String csv = Stack.as("supervisor1").queryParam("from", from.toString()).queryParam("to", to.toString())
                .queryParam("format", "csv").accept("text/csv").get(Stack.RESULT + "/api/reports/log-book").then().statusCode(200)
                .extract().asString();
        List<String> lines = Arrays.stream(csv.split("\r?\n")).filter(l -> l.contains(UNIT + "-")).toList();
        for (String code : List.of(a, b, c, d, e, f, g, h)) {
            assertEquals(1, lines.stream().filter(l -> l.contains(code)).count(), code + " in the log book");
        }
        assertTrue(lines.stream().noneMatch(l -> l.contains(r)), "a refused submission was never received");
        String lineA = lines.stream().filter(l -> l.contains(a)).findFirst().orElseThrow();
        assertTrue(lineA.contains("Phạm Thị Thu") && lineA.contains("Thử nghiệm: báo cáo tiến độ"), lineA);
        Journeys.pdf(Stack.as("supervisor1").queryParam("from", to.toString()).queryParam("to", to.toString()),
                Stack.RESULT + "/api/reports/log-book");
    }

    static Response report(LocalDate from, LocalDate to, String agency) {
        var request = Stack.as("supervisor1").queryParam("from", from.toString()).queryParam("to", to.toString());
        if (agency != null) {
            request = request.queryParam("agency", agency);
        }
        Response report = request.get(Stack.RESULT + "/api/reports/progress");
        report.then().statusCode(200);
        return report;
    }

    /** Where the counts of the test's procedure are in a report. */
    static final String ROW = "procedures.find { it.procedure == '" + PROCEDURE + "' }.counts";
}
