package vn.motcua.system;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the journey tests do over and over against the real stack: create a procedure of their own in the
 * catalogue, receive a dossier, act on an agency's task, follow the citizen's lookup by code and PIN, read
 * the e-mail GreenMail received and fetch the PDFs.
 */
public final class Journeys {
    static final Duration HOP = Duration.ofSeconds(30);
    static final Duration POLL = Duration.ofMillis(200);
    static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    public static final String JUSTICE = "TUPHAP-BADINH";
    public static final String POLICE = "CONGAN-BADINH";
    static final String INSURANCE = "BHXH-KV1";
    /** citizen1's ID: every dossier here is citizen1's, so {@link Stack#awaitProjected} can wait for it. */
    static final String CITIZEN_ID = "001090012345";
    static final String OPEN = "items.find { it.status == 'ASSIGNED' || it.status == 'CLAIMED' }.id";

    private Journeys() {
    }

    /** A suffix unique to this run (reruns on the same stack need new procedure codes and mailboxes). */
    public static String run() {
        return Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
    }

    static LocalDate today() {
        return LocalDate.now(VIETNAM);
    }

    /** A mailbox of its own per dossier, so its mail is easy to count (GreenMail takes any address). */
    public static String mailbox(String tag) {
        return tag.toLowerCase(Locale.ROOT) + "." + run().toLowerCase(Locale.ROOT) + "@example.vn";
    }

    // ---- catalogue --------------------------------------------------------------------------------------

    /** One step of a plan: {@code {"stepId", "agencyCode", "name", "share"}} in working days. */
    public static String step(String id, String agency, String name, int days) {
        return """
                {"stepId":"%s","agencyCode":"%s","name":"%s","share":{"value":%d,"unit":"WORKING_DAYS"}}"""
                .formatted(id, agency, name, days);
    }

    public static String single(String step) {
        return "{\"kind\":\"SINGLE\",\"steps\":[" + step + "]}";
    }

    static String parallel(String... steps) {
        return "{\"kind\":\"PARALLEL\",\"steps\":[" + String.join(",", steps) + "]}";
    }

    /** The two documents every test procedure asks for. */
    static final String DOCUMENTS = """
            [{"name":"Đơn đề nghị","form":"ORIGINAL","copies":1,"mandatory":true},
             {"name":"Giấy tờ chứng minh","form":"CERTIFIED_COPY","copies":1,"mandatory":true}]""";
    static final String HANDED_IN = """
            [{"name":"Đơn đề nghị","form":"ORIGINAL","copies":1},
             {"name":"Giấy tờ chứng minh","form":"ORIGINAL","copies":1}]""";

    /**
     * Version 1 of a procedure of the test's own, in force today, through intake's catalogue API as admin1
     * (routing gets each dossier's plan with its reception). Led by the first stage's first agency.
     */
    public static void createProcedure(String code, String name, int statutoryDays, String onlineLevel, String... stages) {
        String body = """
                {"code":"%s","effectiveFrom":"%s","name":"%s","field":"Thử nghiệm hệ thống",
                 "competentAgency":"%s","statutoryTime":{"value":%d,"unit":"WORKING_DAYS"},
                 "plan":{"stages":[%s]},"documents":%s,"fees":[{"name":"Lệ phí","amountVnd":50000}],
                 "onlineLevel":%s,"resultForm":"Giấy xác nhận","legalBasis":"Kiểm thử hệ thống",
                 "suspensionAllowed":true,"extensionAllowed":true}"""
                .formatted(code, today(), name, JsonPath.from(stages[0]).getString("steps[0].agencyCode"),
                        statutoryDays, String.join(",", stages), DOCUMENTS,
                        onlineLevel == null ? "null" : "\"" + onlineLevel + "\"");
        Stack.as("admin1").contentType(ContentType.JSON).body(body).post(Stack.INTAKE + "/api/procedures")
                .then().statusCode(201);
        Stack.anonymous().queryParam("q", code).get(Stack.INTAKE + "/api/procedures").then().statusCode(200)
                .body("items.code", hasItem(code));
    }

    // ---- reception --------------------------------------------------------------------------------------

    static String applicant(String fullName, String email) {
        return """
                {"fullName":"%s","idNumber":"%s","phone":"0987654321","email":"%s",
                 "address":"8 Quán Thánh, phường Ba Đình, Hà Nội"}""".formatted(fullName, CITIZEN_ID, email);
    }

    /** A dossier of the procedure handed in complete at the counter (or by post) by the officer. */
    public static Response receive(String officer, String procedure, String channel, String email) {
        Response receipt = Stack.as(officer).contentType(ContentType.JSON).body("""
                        {"procedureCode":"%s","channel":"%s","applicant":%s,"documents":%s}"""
                        .formatted(procedure, channel, applicant("Phạm Thị Thu", email), HANDED_IN))
                .post(Stack.INTAKE + "/api/dossiers");
        receipt.then().statusCode(201).body("status", equalTo("RECEIVED"));
        return receipt;
    }

    // ---- agencies ---------------------------------------------------------------------------------------

    /** The open task of the user's agency on the dossier, once it has reached their queue. */
    public static String taskOf(String user, String code) {
        await().atMost(HOP).pollInterval(POLL).untilAsserted(() -> Stack.as(user).queryParam("dossier", code)
                .get(Stack.ROUTING + "/api/tasks").then().statusCode(200).body(OPEN, notNullValue()));
        return Stack.as(user).queryParam("dossier", code).get(Stack.ROUTING + "/api/tasks").path(OPEN);
    }

    /** An action on a task ({@code complete}, {@code return}, {@code transfer}, {@code stop}, ...). */
    static Response act(String user, String task, String action, String body) {
        return Stack.as(user).contentType(ContentType.JSON).body(body)
                .post(Stack.ROUTING + "/api/tasks/" + task + "/" + action);
    }

    static void approve(String user, String code) {
        act(user, taskOf(user, code), "complete", "{\"outcome\":\"APPROVED\",\"note\":\"Đã giải quyết\"}")
                .then().statusCode(200);
    }

    /** Routing's clock view of the dossier (supervisor). */
    static JsonPath routing(String code) {
        return Stack.as("supervisor1").get(Stack.ROUTING + "/api/dossiers/" + code).then().statusCode(200)
                .extract().jsonPath();
    }

    /** Intake's dossier, as the counter officer of its unit sees it, once it shows {@code status}. */
    static JsonPath intakeShows(String officer, String code, String status) {
        await().atMost(HOP).pollInterval(POLL).untilAsserted(() -> Stack.as(officer)
                .get(Stack.INTAKE + "/api/dossiers/" + code).then().statusCode(200).body("status", equalTo(status)));
        return Stack.as(officer).get(Stack.INTAKE + "/api/dossiers/" + code).then().extract().jsonPath();
    }

    // ---- the citizen ------------------------------------------------------------------------------------

    /** The public lookup by code and PIN, once it shows the national status code. */
    static JsonPath citizenSees(String code, String pin, int nationalStatus) {
        await().atMost(HOP).pollInterval(POLL).untilAsserted(() -> Stack.anonymous().queryParam("pin", pin)
                .get(Stack.RESULT + "/api/public/dossiers/" + code).then().statusCode(200)
                .body("nationalStatusCode", equalTo(nationalStatus)));
        return lookup(code, pin);
    }

    /** The same, once the dossier is also with {@code agency}. */
    static JsonPath citizenSees(String code, String pin, int nationalStatus, String agency) {
        await().atMost(HOP).pollInterval(POLL).untilAsserted(() -> Stack.anonymous().queryParam("pin", pin)
                .get(Stack.RESULT + "/api/public/dossiers/" + code).then().statusCode(200)
                .body("nationalStatusCode", equalTo(nationalStatus)).body("currentAgency", equalTo(agency)));
        return lookup(code, pin);
    }

    static JsonPath lookup(String code, String pin) {
        return Stack.anonymous().queryParam("pin", pin).get(Stack.RESULT + "/api/public/dossiers/" + code)
                .then().statusCode(200).extract().jsonPath();
    }

    // ---- notification -----------------------------------------------------------------------------------

    /** The subjects of the mail GreenMail holds for the address. */
    static List<String> mail(String address) {
        Response inbox = Stack.anonymous().get(Stack.MAIL + "/api/user/" + address + "/messages/INBOX");
        return inbox.statusCode() == 200 ? inbox.jsonPath().getList("subject", String.class) : List.of();
    }

    /** Waits until the address has received a message with exactly this subject. */
    static void mailArrives(String address, String subject) {
        await().atMost(HOP).pollInterval(POLL).untilAsserted(() -> assertTrue(mail(address).contains(subject),
                address + " got " + mail(address) + ", not \"" + subject + "\""));
    }

    /** notification's delivery log of the dossier (supervisor). */
    static List<Map<String, Object>> deliveries(String code) {
        return Stack.as("supervisor1").queryParam("dossier", code).queryParam("size", 500)
                .get(Stack.NOTIFICATION + "/api/notifications").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    /** Waits until the log has a delivery of the event type to the audience with the outcome. */
    static void delivered(String code, String eventType, String audience, String outcome) {
        await().atMost(HOP).pollInterval(POLL).untilAsserted(() -> assertTrue(deliveries(code).stream().anyMatch(d ->
                        eventType.equals(d.get("eventType")) && audience.equals(d.get("audience"))
                                && outcome.equals(d.get("outcome"))),
                code + ": no " + outcome + " " + eventType + " to " + audience + " in " + deliveries(code)));
    }

    // ---- routing's clock (test hook) ---------------------------------------------------------------------

    /** Fails unless routing's clock hook is on (the stack started with MOTCUA_TEST_HOOKS=1, as test.sh does). */
    static void requireClockHook() {
        Response clock = Stack.as("admin1").get(Stack.ROUTING + "/api/admin/clock");
        if (clock.statusCode() != 200) {
            org.junit.jupiter.api.Assertions.fail("routing's clock hook is off (" + clock.statusCode()
                    + "): start the stack with MOTCUA_TEST_HOOKS=1 deploy/local/up.sh, as test.sh does"
                    + " (routing-service/README.md, \"Test hook\")");
        }
    }

    /** Moves routing's clock so that its now is {@code at} (the offset counts from the real time). */
    static void routingTimeIs(java.time.OffsetDateTime at) {
        JsonPath clock = Stack.as("admin1").get(Stack.ROUTING + "/api/admin/clock").then().statusCode(200)
                .extract().jsonPath();
        java.time.OffsetDateTime real = java.time.OffsetDateTime.parse(clock.getString("now"))
                .minus(Duration.parse(clock.getString("offset")));
        Duration offset = Duration.between(real, at).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Stack.as("admin1").contentType(ContentType.JSON).body("{\"offset\":\"" + offset + "\"}")
                .put(Stack.ROUTING + "/api/admin/clock").then().statusCode(200).body("offset", equalTo(offset.toString()));
    }

    /**
     * Moves intake's clock (its test hook, issue 20) so that its now is {@code at}, or just after: whole seconds,
     * rounded up, so a reception is never before the instant asked for.
     */
    static void intakeTimeIs(java.time.OffsetDateTime at) {
        JsonPath clock = Stack.as("admin1").get(Stack.INTAKE + "/api/admin/clock").then().statusCode(200)
                .extract().jsonPath();
        java.time.OffsetDateTime real = java.time.OffsetDateTime.parse(clock.getString("now"))
                .minus(Duration.parse(clock.getString("offset")));
        Duration offset = Duration.between(real, at).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
        Stack.as("admin1").contentType(ContentType.JSON).body("{\"offset\":\"" + offset + "\"}")
                .put(Stack.INTAKE + "/api/admin/clock").then().statusCode(200).body("offset", equalTo(offset.toString()));
    }

    /** Intake's clock back to the real time. */
    static void intakeRealTime() {
        Stack.as("admin1").delete(Stack.INTAKE + "/api/admin/clock").then().statusCode(200)
                .body("offset", equalTo("PT0S"));
    }

    /** Routing's clock back to the real time (the system tests share the stack). */
    static void realTime() {
        Stack.as("admin1").delete(Stack.ROUTING + "/api/admin/clock").then().statusCode(200)
                .body("offset", equalTo("PT0S"));
    }

    // ---- documents --------------------------------------------------------------------------------------

    /** A form: 200, application/pdf, a real PDF. */
    static void pdf(RequestSpecification as, String url) {
        byte[] body = as.accept("application/pdf").get(url).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertEquals("%PDF", new String(body, 0, 4, java.nio.charset.StandardCharsets.US_ASCII), url);
    }

    /**
     * Runs a tool of the machine and gives its standard output (its standard error, e.g. zbarimg's complaint that the
     * container has no D-Bus, goes to a file, shown only if the tool fails).
     */
    static String run(Path dir, String... command) throws IOException, InterruptedException {
        Ran ran = exec(dir, command);
        assertEquals(0, ran.exit(), () -> String.join(" ", command) + ":\n" + ran.out() + ran.err());
        return ran.out();
    }

    /** What a command printed and how it ended. */
    record Ran(int exit, String out, String err) {
    }

    static Ran exec(Path dir, String... command) throws IOException, InterruptedException {
        Path errors = Files.createTempFile(dir, "run", ".err");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectError(errors.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        return new Ran(exit, out, readQuietly(errors));
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

}
