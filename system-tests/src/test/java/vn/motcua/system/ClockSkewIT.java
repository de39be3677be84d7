package vn.motcua.system;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 18, item 4: a dossier's events are ordered by their dossier version, not by the producing hosts' clocks
 * (docs/ORDERING.md). Routing's clock is moved ±10 s through its test hook while one dossier changes quickly across
 * intake, routing and result: every service ends in the right state. Before versions, result kept the state of the
 * event with the latest business time — a reception "after" the assignment, a processing "after" the return.
 */
class ClockSkewIT {
    static final String RUN = Journeys.run();
    static final String PROCEDURE = "TN-LECH-" + RUN;

    @BeforeAll
    static void hookAndProcedure() {
        Journeys.requireClockHook();
        Journeys.createProcedure(PROCEDURE, "Thử nghiệm: đồng hồ lệch", 3, null,
                Journeys.single(Journeys.step("xac-minh", Journeys.JUSTICE, "Xác minh", 2)));
    }

    @AfterEach
    void realTime() {
        Journeys.realTime();
    }

    static void routingClockOffBy(String offset) {
        Stack.as("admin1").contentType(ContentType.JSON).body("{\"offset\":\"" + offset + "\"}")
                .put(Stack.ROUTING + "/api/admin/clock").then().statusCode(200).body("offset", equalTo(offset));
    }

    record Received(String code, String pin) {
    }

    static Received receive(String mailbox) {
        JsonPath receipt = Journeys.receive("counter1", PROCEDURE, "COUNTER", Journeys.mailbox(mailbox)).jsonPath();
        return new Received(receipt.getString("code"), receipt.getString("lookupPin"));
    }

    /** The citizen's page keeps {@code status} for a while: no event of an older version takes it back. */
    static void stays(Received dossier, int status) {
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertEquals(status, Journeys.lookup(dossier.code(), dossier.pin()).getInt("nationalStatusCode")));
    }

    /** Routing 10 s behind: its assignment is stamped before the reception that caused it. */
    @Test
    void anAssignmentStampedBeforeItsReceptionStillMovesTheDossierOn() {
        routingClockOffBy("PT-10S");
        Received dossier = receive("lech-lui");
        Journeys.taskOf("tuphap1", dossier.code());
        Journeys.citizenSees(dossier.code(), dossier.pin(), 4, Journeys.JUSTICE);
        Journeys.intakeShows("counter1", dossier.code(), "IN_PROCESS");
        stays(dossier, 4);
    }

    /** Routing 10 s ahead: the processing is stamped after the hand-back that followed it. */
    @Test
    void aResultReturnedRightAfterAProcessingStampedInTheFutureIsTheEnd() {
        routingClockOffBy("PT10S");
        Received dossier = receive("lech-som");
        String code = dossier.code();
        String pin = dossier.pin();
        Journeys.approve("tuphap1", code);
        Journeys.citizenSees(code, pin, 9);
        await().atMost(Journeys.HOP).untilAsserted(() -> Stack.as("counter1").contentType(ContentType.JSON)
                .body("{\"channel\":\"COUNTER\",\"receivedBy\":\"Phạm Thị Thu\"}")
                .post(Stack.RESULT + "/api/dossiers/" + code + "/return").then().statusCode(200));
        JsonPath returned = Journeys.citizenSees(code, pin, 10);
        assertEquals("Đã trả kết quả", returned.getString("timeline[-1].status"), returned.prettify());
        Journeys.intakeShows("counter1", code, "RESULT_RETURNED");
        stays(dossier, 10);
    }
}
