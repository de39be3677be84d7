package vn.motcua.system;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.time.LocalDate;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.system.Journeys.INSURANCE;
import static vn.motcua.system.Journeys.JUSTICE;
import static vn.motcua.system.Journeys.POLICE;

/**
 * Journeys through processing with procedures this test puts in the catalogue itself (admin1, codes unique
 * to the run): a postal dossier paused for a financial obligation (status 6), paid, finished and posted
 * back; a parallel group that fans out, is returned to the previous step and fans in; a transfer to
 * another agency; a stop (status 8, Form 05); a withdrawal (status 7). Every hop is checked where it
 * lands: intake's dossier, routing's tasks and clock, the citizen's lookup by code and PIN, the applicant's
 * mail and notification's delivery log; every form as a PDF. The five journeys are independent dossiers and
 * run side by side (each method is CONCURRENT; the class itself is not, so it never overlaps the classes that
 * move routing's clock).
 */
class ProcessingJourneysIT {
    static final String RUN = Journeys.run();
    /** Land-like: a register step, the tax step asking for a financial obligation, the certificate. */
    static final String LAND = "TN-DAT-" + RUN;
    /** Justice, then the police and social insurance in parallel. */
    static final String FORK = "TN-SONGSONG-" + RUN;
    /** One justice step of three working days. */
    static final String ONE = "TN-MOTBUOC-" + RUN;

    @BeforeAll
    static void procedures() {
        Journeys.createProcedure(LAND, "Thử nghiệm: đăng ký đất đai có nghĩa vụ tài chính", 5, null,
                Journeys.single(Journeys.step("tham-tra", JUSTICE, "Kiểm tra hồ sơ, xác định nghĩa vụ", 2)),
                Journeys.single(Journeys.step("nghia-vu", INSURANCE, "Thông báo nghĩa vụ tài chính", 2)),
                Journeys.single(Journeys.step("cap-giay", POLICE, "Ký, cấp giấy chứng nhận", 1)));
        Journeys.createProcedure(FORK, "Thử nghiệm: liên thông song song", 3, null,
                Journeys.single(Journeys.step("tiep-nhan", JUSTICE, "Xác minh", 1)),
                Journeys.parallel(Journeys.step("cu-tru", POLICE, "Xóa đăng ký thường trú", 2),
                        Journeys.step("tro-cap", INSURANCE, "Giải quyết trợ cấp", 2)));
        Journeys.createProcedure(ONE, "Thử nghiệm: một bước", 3, null,
                Journeys.single(Journeys.step("giai-quyet", JUSTICE, "Giải quyết", 3)));
    }

    static Response receive(String procedure, String channel, String email) {
        Response receipt = Journeys.receive("counter1", procedure, channel, email);
        Stack.awaitProjected(receipt.path("code"));
        return receipt;
    }

    static List<String> openTasks(String user, String code) {
        return Stack.as(user).queryParam("dossier", code).get(Stack.ROUTING + "/api/tasks").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.status == 'ASSIGNED' || it.status == 'CLAIMED' }.id");
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void aPostalLandDossierPausesForItsFinancialObligationAndIsPaidFinishedAndPostedBack() {
        String email = Journeys.mailbox("dat");
        LocalDate receivedOn = Journeys.today();
        Response receipt = receive(LAND, "POSTAL", email);
        String code = receipt.path("code");
        String pin = receipt.path("lookupPin");
        Journeys.pdf(Stack.as("counter1"), Stack.INTAKE + "/api/dossiers/" + code + "/receipt");
        Stack.as("counter1").get(Stack.INTAKE + "/api/dossiers/" + code).then().statusCode(200)
                .body("channel", equalTo("POSTAL"));
        Journeys.citizenSees(code, pin, 4, JUSTICE);
        Journeys.approve("tuphap1", code);
        Journeys.citizenSees(code, pin, 4, INSURANCE);

        // The tax step asks for the obligation: the clock pauses (status 6) until it is paid.
        String tax = Journeys.taskOf("bhxh1", code);
        Journeys.act("bhxh1", tax, "financial-obligation", """
                {"amountVnd":1500000,"description":"Lệ phí trước bạ và tiền sử dụng đất","payBy":"%s"}"""
                .formatted(Journeys.today().plusDays(10))).then().statusCode(200);
        Journeys.citizenSees(code, pin, 6);
        Journeys.intakeShows("counter1", code, "AWAITING_PAYMENT");
        JsonPath clock = Journeys.routing(code);
        assertEquals(6, clock.getInt("nationalStatusCode"));
        assertEquals(1500000, clock.getInt("obligations[0].amountVnd"));
        Journeys.mailArrives(email, "Hồ sơ " + code + ": thông báo thực hiện nghĩa vụ tài chính");
        String notice = Stack.anonymous().get(Stack.MAIL + "/api/user/" + email + "/messages/INBOX").jsonPath()
                .getString("find { it.subject.contains('nghĩa vụ') }.mimeMessage").replace("=\r\n", "");
        assertTrue(notice.contains("1.500.000"), "the notice states the amount");
        // Nothing moves while the obligation is unpaid; another agency cannot record the payment.
        Journeys.act("bhxh1", tax, "complete", "{\"outcome\":\"APPROVED\"}").then().statusCode(409);
        Journeys.act("tuphap1", tax, "financial-obligation/payment", "{}").then().statusCode(404);
        Journeys.act("bhxh1", tax, "financial-obligation/payment", "{\"paymentReference\":\"KBNN-" + RUN + "\"}")
                .then().statusCode(200);
        Journeys.citizenSees(code, pin, 4, INSURANCE);
        await().atMost(Journeys.HOP).untilAsserted(() -> assertEquals("KBNN-" + RUN,
                Journeys.routing(code).getString("obligations[0].paymentReference")));
        Journeys.intakeShows("counter1", code, "IN_PROCESS");

        Journeys.approve("bhxh1", code);
        Journeys.citizenSees(code, pin, 4, POLICE);
        Journeys.approve("congan1", code);
        Journeys.citizenSees(code, pin, 9);

        // Posted back: the tracking number is required by post.
        await().atMost(Journeys.HOP).untilAsserted(() -> Stack.as("counter1").queryParam("size", 500)
                .get(Stack.RESULT + "/api/results/ready").then().statusCode(200).body("items.code", hasItem(code)));
        Stack.as("counter1").contentType(ContentType.JSON).body("{\"channel\":\"POST\"}")
                .post(Stack.RESULT + "/api/dossiers/" + code + "/return").then().statusCode(400);
        Stack.as("counter1").contentType(ContentType.JSON).body("{\"channel\":\"POST\",\"trackingNumber\":\"EB" + RUN + "VN\"}")
                .post(Stack.RESULT + "/api/dossiers/" + code + "/return").then().statusCode(200);
        Journeys.citizenSees(code, pin, 10);
        Journeys.intakeShows("counter1", code, "RESULT_RETURNED");
        Journeys.mailArrives(email, "Hồ sơ " + code + " đã trả kết quả");
        Journeys.delivered(code, "vn.motcua.obligation.requested.v1", "APPLICANT", "DELIVERED");
        // The log book records how it went back: by post, with the tracking number.
        // From the day it was received to today: the journey may have run across midnight.
        String book = Stack.as("supervisor1").queryParam("from", receivedOn.toString())
                .queryParam("to", Journeys.today().toString()).queryParam("format", "csv").accept("text/csv")
                .get(Stack.RESULT + "/api/reports/log-book").then().statusCode(200).extract().asString();
        String line = java.util.Arrays.stream(book.split("\r?\n")).filter(l -> l.contains(code)).findFirst()
                .orElseThrow(() -> new AssertionError(code + " not in the log book"));
        assertTrue(line.contains("EB" + RUN + "VN"), line);
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void aParallelGroupFansOutIsReturnedToThePreviousStepAndFansIn() {
        Response receipt = receive(FORK, "COUNTER", Journeys.mailbox("songsong"));
        String code = receipt.path("code");
        String pin = receipt.path("lookupPin");
        String first = Journeys.taskOf("tuphap1", code);
        String firstDue = Stack.as("tuphap1").get(Stack.ROUTING + "/api/tasks/" + first).path("dueAt");
        Journeys.approve("tuphap1", code);

        // Fan-out: both agencies of the parallel stage hold a task at once, due together.
        String police = Journeys.taskOf("congan1", code);
        String insurance = Journeys.taskOf("bhxh1", code);
        assertEquals(Stack.as("congan1").get(Stack.ROUTING + "/api/tasks/" + police).<String>path("dueAt"),
                Stack.as("bhxh1").get(Stack.ROUTING + "/api/tasks/" + insurance).<String>path("dueAt"));
        Journeys.citizenSees(code, pin, 4);

        // The police return it to the previous step: the sibling's task closes, justice works again on its old due date.
        Journeys.act("congan1", police, "return", "{\"reason\":\"Thiếu xác minh nơi cư trú\"}").then().statusCode(200);
        await().atMost(Journeys.HOP).untilAsserted(() -> assertEquals(List.of(), openTasks("bhxh1", code)));
        Stack.as("bhxh1").get(Stack.ROUTING + "/api/tasks/" + insurance).then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        String again = Journeys.taskOf("tuphap1", code);
        assertNotEquals(first, again);
        assertEquals(firstDue, Stack.as("tuphap1").get(Stack.ROUTING + "/api/tasks/" + again).path("dueAt"),
                "a return gives no extra time");
        Journeys.citizenSees(code, pin, 4, JUSTICE);
        Journeys.approve("tuphap1", code);

        // Fan-out again, then fan-in: the dossier is processed only when both have approved.
        Journeys.approve("congan1", code);
        assertEquals("IN_PROGRESS", Journeys.routing(code).getString("status"));
        assertEquals(1, openTasks("bhxh1", code).size(), "social insurance still holds its step");
        Journeys.citizenSees(code, pin, 4);
        Journeys.approve("bhxh1", code);
        Journeys.citizenSees(code, pin, 9);
        Journeys.intakeShows("counter1", code, "PROCESSED");
        List<String> results = Stack.as("supervisor1").get(Stack.ROUTING + "/api/dossiers/" + code + "/control-sheet")
                .then().statusCode(200).extract().jsonPath().getList("rows.to");
        assertEquals(2, results.stream().filter(JUSTICE::equals).count(), "justice received it twice: " + results);
        Journeys.pdf(Stack.as("tuphap1"), Stack.ROUTING + "/api/dossiers/" + code + "/control-sheet");
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void aTransferredStepIsDoneByTheAgencyItWentTo() {
        Response receipt = receive(ONE, "COUNTER", Journeys.mailbox("chuyen"));
        String code = receipt.path("code");
        String pin = receipt.path("lookupPin");
        String task = Journeys.taskOf("tuphap1", code);
        Journeys.act("tuphap1", task, "transfer", "{\"toAgency\":\"NOPE-" + RUN + "\",\"reason\":\"Sai thẩm quyền\"}")
                .then().statusCode(422).body("type", containsString("unknown-agency"));
        Journeys.act("tuphap1", task, "transfer", "{\"toAgency\":\"" + POLICE + "\",\"reason\":\"Thuộc thẩm quyền công an\"}")
                .then().statusCode(200);
        Journeys.citizenSees(code, pin, 4, POLICE);
        assertEquals(List.of(), openTasks("tuphap1", code));
        Stack.as("tuphap1").get(Stack.ROUTING + "/api/tasks/" + task).then().statusCode(200)
                .body("status", equalTo("TRANSFERRED"));
        Journeys.approve("congan1", code);
        Journeys.citizenSees(code, pin, 9);
        List<String> to = Stack.as("congan1").get(Stack.ROUTING + "/api/dossiers/" + code + "/control-sheet")
                .then().statusCode(200).extract().jsonPath().getList("rows.to");
        assertTrue(to.indexOf(JUSTICE) >= 0 && to.indexOf(POLICE) > to.indexOf(JUSTICE), "handed over: " + to);
        Journeys.mailArrives("congan.badinh@example.vn", "[Một cửa] Hồ sơ mới cần xử lý: " + code);
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void aStoppedDossierEndsWithTheStopNotice() {
        String email = Journeys.mailbox("dung");
        Response receipt = receive(ONE, "COUNTER", email);
        String code = receipt.path("code");
        String pin = receipt.path("lookupPin");
        String task = Journeys.taskOf("tuphap1", code);
        Stack.as("tuphap1").accept("application/pdf").get(Stack.ROUTING + "/api/dossiers/" + code + "/stop-notice")
                .then().statusCode(404);
        Journeys.act("tuphap1", task, "stop", "{\"reason\":\"Người yêu cầu đã chết trước khi có kết quả\"}")
                .then().statusCode(200);
        Journeys.citizenSees(code, pin, 8);
        JsonPath clock = Journeys.routing(code);
        assertEquals(8, clock.getInt("nationalStatusCode"));
        assertEquals(JUSTICE, clock.getString("stop.agency"));
        Journeys.pdf(Stack.as("tuphap1"), Stack.ROUTING + "/api/dossiers/" + code + "/stop-notice");
        Journeys.intakeShows("counter1", code, "STOPPED");
        Journeys.mailArrives(email, "Hồ sơ " + code + ": thông báo dừng xử lý hồ sơ");
        Journeys.act("tuphap1", task, "complete", "{\"outcome\":\"APPROVED\"}").then().statusCode(409);
        Stack.as("counter1").contentType(ContentType.JSON).body("{\"channel\":\"COUNTER\",\"receivedBy\":\"Phạm Thị Thu\"}")
                .post(Stack.RESULT + "/api/dossiers/" + code + "/return").then().statusCode(409);
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void aDossierWithdrawnDuringProcessingLeavesEveryQueue() {
        String email = Journeys.mailbox("rut");
        Response receipt = receive(ONE, "COUNTER", email);
        String code = receipt.path("code");
        String pin = receipt.path("lookupPin");
        String task = Journeys.taskOf("tuphap1", code);
        Stack.as("counter1").contentType(ContentType.JSON).body("{\"reason\":\"Gia đình đổi nơi cư trú\"}")
                .post(Stack.INTAKE + "/api/dossiers/" + code + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        Journeys.citizenSees(code, pin, 7);
        await().atMost(Journeys.HOP).untilAsserted(() -> assertEquals(List.of(), openTasks("tuphap1", code)));
        assertEquals(7, Journeys.routing(code).getInt("nationalStatusCode"));
        Journeys.mailArrives(email, "Hồ sơ " + code + ": xác nhận rút hồ sơ");
        Stack.as("counter1").contentType(ContentType.JSON).body("{\"reason\":\"Lần nữa\"}")
                .post(Stack.INTAKE + "/api/dossiers/" + code + "/withdraw").then().statusCode(409);
        Stack.as("counter1").contentType(ContentType.JSON).body("{\"channel\":\"COUNTER\",\"receivedBy\":\"Phạm Thị Thu\"}")
                .post(Stack.RESULT + "/api/dossiers/" + code + "/return").then().statusCode(409);
        Journeys.delivered(code, "vn.motcua.dossier.withdrawn.v1", "APPLICANT", "DELIVERED");
        Stack.as("tuphap1").get(Stack.ROUTING + "/api/tasks/" + task).then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
    }
}
