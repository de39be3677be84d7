package vn.motcua.result.domain;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.motcua.result.support.Events;
import vn.motcua.shared.dossier.DossierCode;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.EventPayload;
import vn.motcua.shared.events.Outcome;
import vn.motcua.shared.events.ReceptionChannel;
import vn.motcua.shared.events.ReturnChannel;
import vn.motcua.shared.events.intake.Applicant;
import vn.motcua.shared.events.intake.DossierReceived;
import vn.motcua.shared.events.intake.DossierSubmitted;
import vn.motcua.shared.events.intake.DossierWithdrawn;
import vn.motcua.shared.events.result.ResultReturned;
import vn.motcua.shared.events.routing.DossierExtensionGranted;
import vn.motcua.shared.events.routing.TaskCompleted;
import vn.motcua.shared.events.routing.DossierPaused;
import vn.motcua.shared.events.routing.DossierProcessed;
import vn.motcua.shared.events.routing.DossierProcessingStopped;
import vn.motcua.shared.events.routing.DossierResumed;
import vn.motcua.shared.events.routing.PauseReason;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;
import vn.motcua.testsupport.TestTokens;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Decision 766 counts against a scenario with known answers: fourteen dossiers around the week of
 * 10–14 March 2025 (no other test uses that period), each chosen to land in one count, sent routing and
 * result events first and intake's last, so the counts also hold when events arrive out of order.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ProgressReportTest {
    private static final String UNIT = "000.00.61.H29";
    private static final String A = "RPT-A";
    private static final String B = "RPT-B";
    private static final String P1 = "RPT-P1";
    private static final String P2 = "RPT-P2";
    private static final String P3 = "RPT-P3";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    void sendTheScenario() {
        List<EventPayload> intake = new ArrayList<>();
        List<EventPayload> others = new ArrayList<>();
        // D1 carried over (received 5 Mar), decided a day before its due date (early), returned in the period
        intake.add(received("D1", ReceptionChannel.COUNTER, P1, A, at(5, 9), at(12, 17)));
        others.add(processed("D1", at(11, 10), at(12, 17), true));
        others.add(returned("D1", at(12, 9)));
        // D2 online, decided on its due day (on time)
        intake.add(received("D2", ReceptionChannel.ONLINE, P1, A, at(10, 9), at(12, 17)));
        others.add(processed("D2", at(12, 15), at(12, 17), true));
        // D3 postal, decided late
        intake.add(received("D3", ReceptionChannel.POSTAL, P2, B, at(10, 10), at(11, 17)));
        others.add(processed("D3", at(13, 9), at(11, 17), false));
        // D4 in progress, due after the period
        intake.add(received("D4", ReceptionChannel.COUNTER, P2, B, at(11, 9), at(20, 17)));
        // D5 in progress, due inside the period: overdue at its end
        intake.add(received("D5", ReceptionChannel.COUNTER, P2, A, at(11, 10), at(13, 17)));
        // D6 online, paused for a supplement at the end of the period
        intake.add(received("D6", ReceptionChannel.ONLINE, P1, A, at(12, 9), at(21, 17)));
        others.add(new DossierPaused(code("D6"), at(13, 10), PauseReason.SUPPLEMENT_REQUESTED, at(21, 17), null, A,
                "tuphap1", List.of()));
        // D7 paused and resumed: the new due date (17 Mar) puts it within the deadline, the old one would not
        intake.add(received("D7", ReceptionChannel.COUNTER, P1, B, at(12, 10), at(14, 17)));
        others.add(new DossierPaused(code("D7"), at(12, 14), PauseReason.FINANCIAL_OBLIGATION, at(14, 17), null, B,
                null, null));
        others.add(new DossierResumed(code("D7"), at(13, 9), at(12, 14), at(14, 17), at(17, 17)));
        // D8 decided before the period, returned in it: only "returned"
        intake.add(received("D8", ReceptionChannel.COUNTER, P2, B, at(3, 9), at(7, 17)));
        others.add(processed("D8", at(7, 9), at(7, 17), true));
        others.add(returned("D8", at(10, 10)));
        // D9 decided before the period and not returned: not in the report at all
        intake.add(received("D9", ReceptionChannel.COUNTER, P1, A, at(4, 9), at(7, 17)));
        others.add(processed("D9", at(6, 9), at(7, 17), true));
        // D10 withdrawn in the period
        intake.add(received("D10", ReceptionChannel.COUNTER, P1, A, at(13, 9), at(20, 17)));
        intake.add(new DossierWithdrawn(code("D10"), at(14, 9), "counter1", "Không còn nhu cầu"));
        // D11 received after the period
        intake.add(received("D11", ReceptionChannel.COUNTER, P1, A, at(17, 9), at(24, 17)));
        // D12 carried over, stopped in the period
        intake.add(received("D12", ReceptionChannel.ONLINE, P1, B, at(6, 9), at(14, 17)));
        others.add(new DossierProcessingStopped(code("D12"), B, "bhxh1", at(11, 9), "Không bổ sung hồ sơ"));
        // D13 carried over; the extension (new appointment 18 Mar) does not keep it within the deadline: past its
        // statutory due date (10 Mar) it is overdue (issue 20; this scenario once counted it within)
        intake.add(received("D13", ReceptionChannel.COUNTER, P2, A, at(6, 10), at(10, 17)));
        others.add(new DossierExtensionGranted(code("D13"), at(7, 9), A, Events.agencyName(A), "Xác minh",
                at(10, 17), at(18, 17), "01/XL", null));
        // D14 submitted online, never received: not counted
        intake.add(new DossierSubmitted(code("D14"), P1, 1, "Thủ tục " + P1, UNIT, at(11, 9),
                new Applicant("Phạm Văn Dũng", null, null, null), null, "999999"));

        Events events = new Events(bootstrap, dataSource);
        List<UUID> ids = new ArrayList<>(events.send(others.toArray(EventPayload[]::new)));
        ids.addAll(events.send(intake.toArray(EventPayload[]::new)));
        events.awaitApplied(ids);
    }

    @Test
    void everyCountOfTheWeek() {
        JsonPath report = report("from=2025-03-10&to=2025-03-14");
        assertEquals(OffsetDateTime.parse("2025-03-15T00:00+07:00"), OffsetDateTime.parse(report.getString("asOf")));
        // received online/counter/postal/carried=total | resolved early/on time/late | in progress within/overdue
        // | paused stopped withdrawn returned | online share
        assertEquals("recv 2/4/1/3=10 | res 1/1/1=3 | prog 2/2=4 | 1 1 1 2 | 28.6", counts(report.getMap("total")));
        assertEquals("recv 2/2/0/2=6 | res 1/1/0=2 | prog 0/2=2 | 1 0 1 1 | 50.0", counts(row(report, "agencies", "agency", A)));
        assertEquals("recv 0/2/1/1=4 | res 0/0/1=1 | prog 2/0=2 | 0 1 0 1 | 0.0", counts(row(report, "agencies", "agency", B)));
        assertEquals("recv 2/2/0/2=6 | res 1/1/0=2 | prog 1/0=1 | 1 1 1 1 | 50.0",
                counts(row(report, "procedures", "procedure", P1)));
        assertEquals("recv 0/2/1/1=4 | res 0/0/1=1 | prog 1/2=3 | 0 0 0 1 | 0.0",
                counts(row(report, "procedures", "procedure", P2)));
        assertEquals(Events.agencyName(A), row(report, "agencies", "agency", A).get("agencyName"));
        assertEquals("Thủ tục " + P2, row(report, "procedures", "procedure", P2).get("procedureName"));
        assertEquals(0, report.getInt("total.satisfaction.ratings"));
    }

    @Test
    void oneAgencyAndOtherPeriods() {
        JsonPath onlyB = report("from=2025-03-10&to=2025-03-14&agency=" + B);
        assertEquals("recv 0/2/1/1=4 | res 0/0/1=1 | prog 2/0=2 | 0 1 0 1 | 0.0", counts(onlyB.getMap("total")));
        assertEquals(1, onlyB.getList("agencies").size());
        // the week before: D1, D8, D9, D13 at the counter and D12 online; D9 decided early, D8 on its due day;
        // D1, D12, D13 open at its end (D13 within its statutory date, 10 Mar)
        assertEquals("recv 1/4/0/0=5 | res 1/1/0=2 | prog 3/0=3 | 0 0 0 0 | 20.0",
                counts(report("from=2025-03-03&to=2025-03-09").getMap("total")));
        assertEquals("recv 0/0/0/0=0 | res 0/0/0=0 | prog 0/0=0 | 0 0 0 0 | null",
                counts(report("from=2025-01-01&to=2025-01-31").getMap("total")));
    }

    /**
     * The law's verdict (issue 20), in a week of April of its own: E1 was extended (Form 04) and decided after its
     * statutory date, before the new appointment: late, with an apology; E2 late without one; E3 extended and
     * still open past its statutory date: overdue though its new appointment is ahead. The steps' verdicts count
     * against the agency whose step ran over (X), not the lead agency (B).
     */
    @Test
    void extendedAndLateIsLateWithApologyAndLateStepsCountAgainstTheirAgency() {
        String x = "RPT-X";
        String y = "RPT-Y";
        Events events = new Events(bootstrap, dataSource);
        OffsetDateTime e1Due = april(9, 17);
        events.awaitApplied(events.send(
                Events.received(code("D21"), "123456", ReceptionChannel.COUNTER, P3, B, april(7, 9), e1Due, null),
                new DossierExtensionGranted(code("D21"), april(8, 9), x, Events.agencyName(x), "Xác minh", e1Due,
                        april(16, 17), "21/XL", null, e1Due),
                new TaskCompleted(code("D21"), UUID.nameUUIDFromBytes("D21-x".getBytes()), "buoc-1", x, "x1",
                        april(11, 9), Outcome.APPROVED, null, null, false),
                new TaskCompleted(code("D21"), UUID.nameUUIDFromBytes("D21-y".getBytes()), "buoc-2", y, "y1",
                        april(11, 10), Outcome.APPROVED, null, null, true),
                new DossierProcessed(code("D21"), april(11, 10), Outcome.APPROVED, B, null, april(16, 17), false, e1Due),
                Events.received(code("D22"), "123456", ReceptionChannel.COUNTER, P3, B, april(7, 10), april(10, 17), null),
                new TaskCompleted(code("D22"), UUID.nameUUIDFromBytes("D22-y".getBytes()), "buoc-1", y, "y1",
                        april(14, 9), Outcome.APPROVED, null, null, false),
                new DossierProcessed(code("D22"), april(14, 9), Outcome.APPROVED, B, null, april(10, 17), false,
                        april(10, 17)),
                Events.received(code("D23"), "123456", ReceptionChannel.COUNTER, P3, B, april(7, 11), april(9, 17), null),
                new DossierExtensionGranted(code("D23"), april(8, 10), x, Events.agencyName(x), "Xác minh",
                        april(9, 17), april(16, 17), "23/XL", null, april(9, 17))));

        JsonPath report = report("from=2025-04-07&to=2025-04-14");
        // (The total also carries over the March week's open dossiers; the procedure's row has only these three.)
        assertEquals("recv 0/3/0/0=3 | res 0/0/2=2 | prog 0/1=1 | 0 0 0 0 | 0.0",
                counts(row(report, "procedures", "procedure", P3)));
        assertEquals(1, report.getInt("total.resolved.lateWithApology"));
        assertEquals(1, report.getInt("procedures.find { it.procedure == '" + P3 + "' }.counts.resolved.lateWithApology"));
        assertEquals(List.of(x, y), report.getList("steps.agency"));
        assertEquals(Events.agencyName(x), report.getString("steps[0].agencyName"));
        assertEquals(List.of(1, 0, 1), List.of(report.getInt("steps[0].finished"), report.getInt("steps[0].onTime"),
                report.getInt("steps[0].late")));
        assertEquals(List.of(2, 1, 1), List.of(report.getInt("steps[1].finished"), report.getInt("steps[1].onTime"),
                report.getInt("steps[1].late")));
        // One agency's report: its own steps only, whoever led the dossier.
        assertEquals(List.of(x), report("from=2025-04-07&to=2025-04-14&agency=" + x).getList("steps.agency"));
    }

    private static OffsetDateTime april(int day, int hour) {
        return OffsetDateTime.of(2025, 4, day, hour, 0, 0, 0, EventJson.VIETNAM);
    }

    @Test
    void satisfactionCountsTheRatingsOfThePeriod() {
        String rating = "{\"onTime\":true,\"contactCount\":1,\"agenciesContacted\":1,\"staffAttitude\":\"SATISFIED\","
                + "\"openness\":\"SATISFIED\",\"overall\":\"%s\"}";
        String ratedFrom = LocalDate.now(EventJson.VIETNAM).toString();
        for (String[] r : new String[][] {{"D1", "VERY_SATISFIED"}, {"D8", "DISSATISFIED"}}) {
            given().contentType("application/json").body(rating.formatted(r[1]))
                    .when().post("/api/public/dossiers/{code}/rating?pin=123456", code(r[0]))
                    .then().statusCode(201);
        }
        // The days the ratings were given on: today, and tomorrow too if midnight passed meanwhile.
        String days = "from=" + ratedFrom + "&to=" + LocalDate.now(EventJson.VIETNAM);
        JsonPath a = report(days + "&agency=" + A);
        assertEquals(1, a.getInt("total.satisfaction.ratings"));
        assertEquals(1, a.getInt("total.satisfaction.verySatisfied"));
        assertEquals(100.0f, a.getFloat("total.satisfaction.satisfiedPercent"));
        JsonPath b = report(days + "&agency=" + B);
        assertEquals(1, b.getInt("total.satisfaction.dissatisfied"));
        assertEquals(0.0f, b.getFloat("total.satisfaction.satisfiedPercent"));
        assertEquals(1, b.getInt("procedures.find { it.procedure == 'RPT-P2' }.counts.satisfaction.ratings"));
    }

    @Test
    void onlySupervisorsAndOnlyGoodDates() {
        given().auth().oauth2(TestTokens.counterOfficer("counter1", UNIT))
                .when().get("/api/reports/progress?from=2025-03-10&to=2025-03-14").then().statusCode(403);
        given().when().get("/api/reports/progress?from=2025-03-10&to=2025-03-14").then().statusCode(401);
        given().auth().oauth2(TestTokens.supervisor("supervisor1"))
                .when().get("/api/reports/progress?from=10/03/2025&to=2025-03-14")
                .then().statusCode(400).body("errors.field", hasItem("from"));
        given().auth().oauth2(TestTokens.supervisor("supervisor1"))
                .when().get("/api/reports/progress?to=2025-03-14")
                .then().statusCode(400).body("type", equalTo("urn:motcua:problem:validation-failed"));
        // found by the fuzzer: the largest date Java knows overflowed the ten-year check (a 500)
        for (String query : List.of("from=%2B999999999-12-31&to=2026-03-02", "from=2026-03-02&to=%2B999999999-12-31",
                "from=-999999999-01-01&to=2026-03-02", "from=0001-01-01&to=0001-12-31")) {
            given().auth().oauth2(TestTokens.supervisor("supervisor1")).urlEncodingEnabled(false)
                    .when().get("/api/reports/progress?" + query)
                    .then().statusCode(400).body("type", equalTo("urn:motcua:problem:validation-failed"));
            given().auth().oauth2(TestTokens.supervisor("supervisor1")).urlEncodingEnabled(false)
                    .when().get("/api/reports/log-book?" + query)
                    .then().statusCode(400).body("type", equalTo("urn:motcua:problem:validation-failed"));
        }
    }

    private static JsonPath report(String query) {
        return given().auth().oauth2(TestTokens.supervisor("supervisor1"))
                .when().get("/api/reports/progress?" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(JsonPath report, String list, String key, String value) {
        List<Map<String, Object>> rows = report.getList(list);
        return (Map<String, Object>) rows.stream().filter(r -> value.equals(r.get(key))).findFirst()
                .orElseThrow(() -> new AssertionError(value + " not in " + list));
    }

    /** One line per group; also checks that the dossiers balance (every one counted once). */
    @SuppressWarnings("unchecked")
    private static String counts(Map<String, Object> group) {
        Map<String, Object> c = group.containsKey("counts") ? (Map<String, Object>) group.get("counts") : group;
        Map<String, Object> received = (Map<String, Object>) c.get("received");
        Map<String, Object> resolved = (Map<String, Object>) c.get("resolved");
        Map<String, Object> progress = (Map<String, Object>) c.get("inProgress");
        int in = (Integer) received.get("total");
        int out = (Integer) resolved.get("total") + (Integer) progress.get("total") + (Integer) c.get("paused")
                + (Integer) c.get("stopped") + (Integer) c.get("withdrawn");
        assertEquals(in, out, "carried over + received = resolved + in progress + paused + stopped + withdrawn: " + c);
        return "recv " + received.get("online") + "/" + received.get("counter") + "/" + received.get("postal") + "/"
                + received.get("carriedOver") + "=" + received.get("total")
                + " | res " + resolved.get("early") + "/" + resolved.get("onTime") + "/" + resolved.get("late") + "="
                + resolved.get("total")
                + " | prog " + progress.get("withinDeadline") + "/" + progress.get("overdue") + "=" + progress.get("total")
                + " | " + c.get("paused") + " " + c.get("stopped") + " " + c.get("withdrawn") + " " + c.get("returned")
                + " | " + c.get("onlineSharePercent");
    }

    private DossierReceived received(String name, ReceptionChannel channel, String procedure, String lead,
                                     OffsetDateTime at, OffsetDateTime due) {
        return Events.received(code(name), "123456", channel, procedure, lead, at, due, null);
    }

    private DossierProcessed processed(String name, OffsetDateTime at, OffsetDateTime due, boolean onTime) {
        return new DossierProcessed(code(name), at, Outcome.APPROVED, lead(name), null, due, onTime);
    }

    private ResultReturned returned(String name, OffsetDateTime at) {
        return new ResultReturned(code(name), at, ReturnChannel.COUNTER, "Người nhận", null, "counter1", true, null);
    }

    private String lead(String name) {
        return switch (name) {
            case "D1", "D2", "D9" -> A;
            default -> B;
        };
    }

    /** Fixed codes (one day, sequence 7000 + n), so a rerun against the same database finds the same dossiers. */
    private static String code(String name) {
        return DossierCode.format(UNIT, at(1, 8), 7000 + Integer.parseInt(name.substring(1)));
    }

    private static OffsetDateTime at(int day, int hour) {
        return OffsetDateTime.of(2025, 3, day, hour, 0, 0, 0, EventJson.VIETNAM);
    }
}
