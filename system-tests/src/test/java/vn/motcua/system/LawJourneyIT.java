package vn.motcua.system;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.system.Journeys.JUSTICE;

/**
 * Issue 20, the law exactly, on the real stack with routing's clock hook: an extended dossier decided after its
 * statutory date is late (with an apology) in the progress report; an extension asked on the due day is refused;
 * a supplement asked twice for one step is refused; a supplement left unanswered past its date returns the dossier
 * and the citizen is told; a same-day dossier received at 15:30 is due the next working day (intake's clock hook); a
 * dossier received for another commune's office lands in that office's inbox; Form 01 read back with poppler's {@code pdftotext} prints the PIN,
 * and its QR code read with zbar's {@code zbarimg} opens the citizens' page with code and PIN (both tools installed
 * by test.sh). The procedure is the test's own (a new code each run), with
 * the two documents every test procedure lists. Routing's and intake's clocks are put back after each test.
 */
class LawJourneyIT {
    static final String RUN = Journeys.run();
    static final String PROCEDURE = "TN-LUAT-" + RUN;

    @BeforeAll
    static void hookAndProcedure() {
        Journeys.requireClockHook();
        Journeys.createProcedure(PROCEDURE, "Thử nghiệm: đúng luật", 2, null,
                Journeys.single(Journeys.step("giai-quyet", JUSTICE, "Giải quyết", 2)));
    }

    @AfterEach
    void realTime() {
        Journeys.realTime();
        Journeys.intakeRealTime();
    }

    static String receive() {
        Response receipt = Journeys.receive("counter1", PROCEDURE, "COUNTER", Journeys.mailbox("luat"));
        return receipt.path("code");
    }

    static Response extend(String code, OffsetDateTime newDue) {
        return Stack.as("tuphap1").contentType(ContentType.JSON).body("""
                        {"newDueAt":"%s","reason":"Phải xác minh thêm tại nơi cư trú cũ","apologyRef":"04/%s",
                         "signedBy":"Nguyễn Văn An","signerTitle":"Chủ tịch UBND phường"}"""
                        .formatted(newDue, RUN))
                .post(Stack.ROUTING + "/api/dossiers/" + code + "/extension");
    }

    /**
     * Issue 20, item 7: the receipt the counter prints right after reception, with the PIN given back, as a citizen
     * holds it: its text shows the PIN and the sets, its QR code opens the console's citizens' page for the dossier
     * with the receipt's signed token.
     */
    @Test
    void theReceiptShowsThePinAndItsQrCodeOpensTheCitizensPageWithCodeAndPin() throws Exception {
        Response receipt = Journeys.receive("counter1", PROCEDURE, "COUNTER", Journeys.mailbox("luat"));
        String code = receipt.path("code");
        String pin = receipt.path("lookupPin");
        Response pdf = Stack.as("counter1").accept("application/pdf").queryParam("pin", pin)
                .get(Stack.INTAKE + "/api/dossiers/" + code + "/receipt");
        pdf.then().statusCode(200).contentType("application/pdf");
        Path dir = Files.createTempDirectory("giay-tiep-nhan");
        Path file = dir.resolve("receipt.pdf");
        Files.write(file, pdf.asByteArray());

        String text = Journeys.run(dir, "pdftotext", "-layout", file.toString(), "-").replaceAll("\\s+", " ");
        assertTrue(text.contains("Mã hồ sơ: " + code), text);
        assertTrue(text.contains("Mã tra cứu (PIN): " + pin), text);
        assertTrue(text.contains("Số lượng hồ sơ: 01 (bộ)"), text);

        Journeys.run(dir, "pdftoppm", "-r", "200", "-png", "-f", "1", "-l", "1", file.toString(), dir.resolve("page").toString());
        Path page;
        try (var pages = Files.list(dir)) {
            page = pages.filter(p -> p.getFileName().toString().endsWith(".png")).findFirst().orElseThrow();
        }
        String qr = Journeys.run(dir, "zbarimg", "--raw", "-q", page.toString()).strip();
        String citizensPage = Stack.CONSOLE + "/tra-cuu?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&pin=" + pin
                + "&t=";
        assertTrue(qr.startsWith(citizensPage), qr);
        // issue 23: the token after t= certifies the receipt, online and offline
        AuditTrailIT.receiptTokenHolds(qr.substring(citizensPage.length()), code, dir);
    }

    @Test
    void anExtendedDossierDecidedAfterItsStatutoryDateIsLateWithApology() {
        LocalDate from = Journeys.today().minusDays(1);
        String code = receive();
        Journeys.taskOf("tuphap1", code);
        OffsetDateTime due = OffsetDateTime.parse(Journeys.routing(code).getString("lawfulDueAt"));
        // Asked now, days ahead: in time. The citizen's appointment moves a week; the statutory date stays.
        extend(code, due.plusDays(7)).then().statusCode(200)
                .body("lawfulDueAt", equalTo(Journeys.routing(code).getString("lawfulDueAt")));
        // Decided an hour after the statutory date, long before the new appointment.
        Journeys.routingTimeIs(due.plusHours(1));
        Journeys.approve("tuphap1", code);
        Journeys.realTime();
        JsonPath decided = Journeys.routing(code);
        assertEquals("PROCESSED", decided.getString("status"));
        assertTrue(OffsetDateTime.parse(decided.getString("dueAt")).isAfter(OffsetDateTime.parse(decided.getString("decidedAt"))),
                "decided before the new appointment: " + decided.prettify());

        LocalDate to = due.atZoneSameInstant(Journeys.VIETNAM).toLocalDate();
        String row = "procedures.find { it.procedure == '" + PROCEDURE + "' }.counts.resolved";
        await().atMost(Journeys.HOP).pollInterval(Journeys.POLL).untilAsserted(() -> {
            JsonPath report = Stack.as("supervisor1").queryParam("from", from.toString()).queryParam("to", to.toString())
                    .get(Stack.RESULT + "/api/reports/progress").then().statusCode(200).extract().jsonPath();
            assertEquals(1, report.getInt(row + ".late"), report.getMap(row).toString());
            assertEquals(1, report.getInt(row + ".lateWithApology"), report.getMap(row).toString());
            assertEquals(0, report.getInt(row + ".onTime") + report.getInt(row + ".early"), report.getMap(row).toString());
            // The step ran over at the justice office: it is counted against that agency.
            assertTrue(report.getInt("steps.find { it.agency == '" + JUSTICE + "' }.late") >= 1,
                    report.getList("steps").toString());
        });
    }

    @Test
    void anExtensionAskedOnTheDueDayIsRefused() {
        String code = receive();
        Journeys.taskOf("tuphap1", code);
        OffsetDateTime due = OffsetDateTime.parse(Journeys.routing(code).getString("lawfulDueAt"));
        // 08:00 on the due day (due at 17:00): not one working day before any more.
        Journeys.routingTimeIs(due.minusHours(9));
        extend(code, due.plusDays(7)).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:motcua:problem:extension-too-late"))
                .body("detail", containsString("một ngày làm việc trước hạn"));
        assertNull(Journeys.routing(code).get("extension"));
        assertTrue(OffsetDateTime.parse(Journeys.routing(code).getString("dueAt")).isEqual(due));
    }

    @Test
    void aSupplementAskedTwiceForOneStepIsRefused() {
        String code = receive();
        String task = Journeys.taskOf("tuphap1", code);
        // Only the procedure's documents may be asked for.
        Journeys.act("tuphap1", task, "supplement-request", """
                        {"items":[{"name":"Sổ hộ khẩu","form":"ORIGINAL","copies":1}]}""")
                .then().statusCode(400).body("type", equalTo("urn:motcua:problem:unknown-document"));
        String ask = """
                {"items":[{"name":"Giấy tờ chứng minh","form":"ORIGINAL","copies":1,"note":"Bản sao mờ"}],
                 "note":"Bản sao không đọc được"}""";
        Journeys.act("tuphap1", task, "supplement-request", ask).then().statusCode(200);
        // The applicant is asked once, with the date to supply by, and brings it to the counter.
        JsonPath asked = Journeys.intakeShows("counter1", code, "SUPPLEMENT_REQUESTED");
        assertTrue(asked.getString("supplements[0].supplyBy") != null, asked.prettify());
        Journeys.pdf(Stack.as("counter1"), Stack.INTAKE + "/api/dossiers/" + code + "/supplement-request");
        Stack.as("counter1").contentType(ContentType.JSON).body("""
                        {"items":[{"name":"Giấy tờ chứng minh","form":"ORIGINAL","copies":1}]}""")
                .post(Stack.INTAKE + "/api/dossiers/" + code + "/supplements").then().statusCode(200);
        await().atMost(Journeys.HOP).pollInterval(Journeys.POLL).untilAsserted(() -> Stack.as("supervisor1")
                .get(Stack.ROUTING + "/api/dossiers/" + code).then().statusCode(200).body("pausedAt", nullValue())
                .body("status", equalTo("IN_PROGRESS")));

        Journeys.act("tuphap1", task, "supplement-request", ask).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:motcua:problem:supplement-already-requested"));
        assertEquals("IN_PROGRESS", Journeys.routing(code).getString("status"));
    }

    /**
     * Issue 20, item 4: the applicant lets the supply-by date pass; the next morning routing applies the procedure's
     * rule (the catalogue's default, RETURN): the dossier ends (national status 8) everywhere, the citizen's page says
     * it was returned and why, and the applicant is mailed a notice of return.
     */
    @Test
    void aSupplementLeftUnansweredPastItsDateReturnsTheDossierAndTheCitizenIsTold() {
        String email = Journeys.mailbox("tra-lai");
        Response receipt = Journeys.receive("counter1", PROCEDURE, "COUNTER", email);
        String code = receipt.path("code");
        String pin = receipt.path("lookupPin");
        String task = Journeys.taskOf("tuphap1", code);
        LocalDate supplyBy = Journeys.today().plusDays(1);
        Journeys.act("tuphap1", task, "supplement-request", """
                        {"items":[{"name":"Giấy tờ chứng minh","form":"ORIGINAL","copies":1}],"supplyBy":"%s"}"""
                .formatted(supplyBy)).then().statusCode(200);
        Journeys.intakeShows("counter1", code, "SUPPLEMENT_REQUESTED");

        Journeys.routingTimeIs(supplyBy.plusDays(1).atTime(8, 0).atOffset(Journeys.VIETNAM));
        await().atMost(Journeys.HOP).pollInterval(Journeys.POLL).untilAsserted(() ->
                assertEquals("STOPPED", Journeys.routing(code).getString("status")));
        JsonPath routed = Journeys.routing(code);
        assertEquals("routing-service", routed.getString("stop.stoppedBy"));
        assertTrue(routed.getString("stop.reason").contains("trả lại cho người nộp"), routed.prettify());
        JsonPath seen = Journeys.citizenSees(code, pin, 8);
        String note = seen.getString("timeline[-1].note");
        assertTrue(note.startsWith("Trả lại hồ sơ cho người nộp. Lý do: Quá hạn bổ sung hồ sơ"), seen.prettify());
        Journeys.intakeShows("counter1", code, "STOPPED");
        Journeys.mailArrives(email, "Hồ sơ " + code + ": thông báo trả lại hồ sơ");
    }

    /**
     * Issue 20, item 6: territorial competence. A procedure of the police (its competent agency), whose work in
     * commune 00007 the justice office does: the counter of unit A receives a dossier of an applicant of that commune,
     * and it lands in the justice office's inbox, not the police's; another commune's stays with the police.
     */
    @Test
    void aDossierReceivedForAnotherCommunesOfficeLandsInThatOfficesInbox() {
        String procedure = "TN-DIABAN-" + RUN;
        Journeys.createProcedure(procedure, "Thử nghiệm: thẩm quyền theo địa bàn", 2, null,
                Journeys.single(Journeys.step("giai-quyet", Journeys.POLICE, "Giải quyết", 2)));
        Stack.as("admin1").contentType(ContentType.JSON).body("{\"agency\":\"" + JUSTICE + "\"}")
                .put(Stack.INTAKE + "/api/procedures/" + procedure + "/areas/00007").then().statusCode(200)
                .body("agency", equalTo(JUSTICE));
        String there = receiveFrom(procedure, "00007");
        String elsewhere = receiveFrom(procedure, "00009");

        Journeys.taskOf("tuphap1", there);
        Journeys.taskOf("congan1", elsewhere);
        Stack.as("congan1").queryParam("dossier", there).get(Stack.ROUTING + "/api/tasks").then().statusCode(200)
                .body("total", equalTo(0));
        Stack.as("tuphap1").queryParam("dossier", elsewhere).get(Stack.ROUTING + "/api/tasks").then().statusCode(200)
                .body("total", equalTo(0));
    }

    /**
     * Issue 20, item 5: a dossier of a same-day procedure received at 15:30 (after the default cut-off, 15:00) is due
     * the next working day, on the receipt and in routing; intake's clock hook puts the reception at 15:30 of the
     * next working day whatever the hour the test runs.
     */
    @Test
    void aSameDayDossierReceivedAt1530IsDueTheNextWorkingDay() {
        String procedure = "TN-TRONGNGAY-" + RUN;
        Journeys.createProcedure(procedure, "Thử nghiệm: giải quyết trong ngày", 0, null,
                Journeys.single(Journeys.step("giai-quyet", JUSTICE, "Giải quyết", 0)));
        LocalDate day = nextWorkingDay(Journeys.today());
        LocalDate next = nextWorkingDay(day);
        Journeys.intakeTimeIs(day.atTime(15, 30).atOffset(Journeys.VIETNAM));
        Response receipt = Journeys.receive("counter1", procedure, "COUNTER", Journeys.mailbox("trong-ngay"));
        String code = receipt.path("code");
        assertEquals(day, OffsetDateTime.parse(receipt.path("receivedAt")).toLocalDate());
        OffsetDateTime due = next.atTime(17, 0).atOffset(Journeys.VIETNAM);
        assertTrue(due.isEqual(OffsetDateTime.parse(receipt.path("appointmentAt"))), receipt.asString());
        Journeys.taskOf("tuphap1", code);
        assertTrue(due.isEqual(OffsetDateTime.parse(Journeys.routing(code).getString("lawfulDueAt"))),
                Journeys.routing(code).prettify());
    }

    /**
     * Issue 20, item 5: a unit's office hours are data. counter1's unit closes at 16:00 with a 14:00 cut-off and
     * receives on Saturday mornings. A one-day dossier whose step is 8 working hours, received there at 14:30, is
     * handed to the justice office at 07:30 the next working day: its step is due at 17:00 of that day (14:30
     * without the hand-over), the citizen's appointment too; one received at 16:30, after the close, counts from the
     * next working day (due a day later). The unit's hours are put back to the deployment's afterwards.
     */
    @Test
    void aUnitsHoursAndCutOffMoveTheHandOverAndTheAfterHoursReceipt() {
        // counter1's unit, not a load unit: the fault tests count the load units' dossiers since their start, and
        // these are dated on a later day by intake's clock hook
        String unit = "000.00.31.H29";
        String procedure = "TN-GIODONVI-" + RUN;
        Journeys.createProcedure(procedure, "Thử nghiệm: giờ làm việc của đơn vị", 1, null, Journeys.single("""
                {"stepId":"giai-quyet","agencyCode":"%s","name":"Giải quyết","share":{"value":8,"unit":"WORKING_HOURS"}}"""
                .formatted(JUSTICE)));
        try {
            Stack.as("admin1").contentType(ContentType.JSON).body(hours("16:00", "{\"day\":\"SATURDAY\",\"sessions\":"
                            + "[{\"opens\":\"07:30\",\"closes\":\"11:30\"}]}", "14:00"))
                    .put(Stack.INTAKE + "/api/units/" + unit + "/office-hours").then().statusCode(200)
                    .body("description", equalTo("Thứ Hai đến thứ Sáu: 07:30–11:30, 13:00–16:00; Thứ Bảy: 07:30–11:30"));
            LocalDate day = nextWorkingDay(Journeys.today());
            LocalDate next = nextWorkingDay(day);
            LocalDate second = nextWorkingDay(next);

            Journeys.intakeTimeIs(day.atTime(14, 30).atOffset(Journeys.VIETNAM));
            Response handedOver = Journeys.receive("counter1", procedure, "COUNTER", Journeys.mailbox("giodonvi"));
            OffsetDateTime appointment = next.atTime(17, 0).atOffset(Journeys.VIETNAM);
            assertTrue(appointment.isEqual(OffsetDateTime.parse(handedOver.path("appointmentAt"))), handedOver.asString());
            String task = Journeys.taskOf("tuphap1", handedOver.path("code"));
            OffsetDateTime stepDue = OffsetDateTime.parse(Stack.as("tuphap1").get(Stack.ROUTING + "/api/tasks/" + task)
                    .then().statusCode(200).extract().path("dueAt"));
            assertTrue(appointment.isEqual(stepDue), "8 working hours from 07:30 of " + next + ": " + stepDue);

            Journeys.intakeTimeIs(day.atTime(16, 30).atOffset(Journeys.VIETNAM));
            Response late = Journeys.receive("counter1", procedure, "COUNTER", Journeys.mailbox("giodonvi"));
            assertTrue(second.atTime(17, 0).atOffset(Journeys.VIETNAM).isEqual(OffsetDateTime.parse(late.path("appointmentAt"))),
                    late.asString());
        } finally {
            Stack.as("admin1").delete(Stack.INTAKE + "/api/units/" + unit + "/office-hours").then().statusCode(200)
                    .body("own", equalTo(false)).body("effectiveCutoff", equalTo("15:00"));
        }
    }

    /** Monday to Friday 07:30–11:30 and 13:00–{@code close}, an extra day's JSON if any, and the cut-off. */
    static String hours(String close, String extra, String cutoff) {
        StringBuilder days = new StringBuilder();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            days.append(days.isEmpty() ? "" : ",").append("""
                    {"day":"%s","sessions":[{"opens":"07:30","closes":"11:30"},{"opens":"13:00","closes":"%s"}]}"""
                    .formatted(day, close));
        }
        if (extra != null) {
            days.append(',').append(extra);
        }
        return "{\"days\":[" + days + "],\"cutoff\":\"" + cutoff + "\"}";
    }

    /** The working day after {@code day}, by intake's public calendar (one working day from its 09:00 ends at 17:00 of it). */
    static LocalDate nextWorkingDay(LocalDate day) {
        String due = Stack.anonymous().queryParam("from", day.atTime(9, 0).atOffset(Journeys.VIETNAM).toString())
                .queryParam("workingDays", 1).get(Stack.INTAKE + "/api/calendar/deadline").then().statusCode(200)
                .extract().path("due");
        return OffsetDateTime.parse(due).toLocalDate();
    }

    static String receiveFrom(String procedure, String commune) {
        return Stack.as("counter1").contentType(ContentType.JSON).body("""
                        {"procedureCode":"%s","channel":"COUNTER","commune":"%s","applicant":%s,"documents":%s}"""
                        .formatted(procedure, commune, Journeys.applicant("Lê Văn Địa", Journeys.mailbox("diaban")),
                                Journeys.HANDED_IN))
                .post(Stack.INTAKE + "/api/dossiers").then().statusCode(201).extract().path("code");
    }
}
