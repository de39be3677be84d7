package vn.motcua.result.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.result.support.Events;
import vn.motcua.shared.dossier.DossierCode;
import vn.motcua.shared.events.CloudEvent;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.Outcome;
import vn.motcua.shared.events.ReceptionChannel;
import vn.motcua.shared.events.Topics;
import vn.motcua.shared.events.result.DossierRated;
import vn.motcua.shared.events.result.ResultReturned;
import vn.motcua.shared.events.routing.DossierExtensionGranted;
import vn.motcua.shared.events.routing.DossierProcessed;
import vn.motcua.shared.events.routing.DossierProcessingStopped;
import vn.motcua.shared.events.routing.TaskAssigned;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;
import vn.motcua.testsupport.TestTokens;
import vn.motcua.testsupport.TopicReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Result return at the counter, by post and online; the satisfaction rating; the log book export (CSV, XLSX, Form 07 PDF). */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ResultReturnAndRatingTest {
    /** A unit only this class uses, so its ready queue holds only these dossiers. */
    private static final String UNIT = "000.00.51.H29";
    private static final String OTHER_UNIT = "000.00.52.H29";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final OffsetDateTime T0 =
            OffsetDateTime.now(EventJson.VIETNAM).minusDays(3).truncatedTo(ChronoUnit.SECONDS);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    AgroalDataSource dataSource;
    Events events;

    @BeforeEach
    void setUp() throws SQLException {
        events = new Events(bootstrap, dataSource);
        events.forgetMisses();
    }

    @Test
    void readyQueueIsTheUnitsProcessedDossiersAndReturnTakesThemOut() {
        String processed = processedDossier("111111", T0.plusDays(10));
        String inProcess = newCode();
        events.sendAndAwait(Events.received(inProcess, "222222", ReceptionChannel.COUNTER, "RET-P", "RET-A", T0,
                T0.plusDays(10), null));

        Response ready = given().auth().oauth2(officer()).when().get("/api/results/ready?size=500");
        ready.then().statusCode(200).body("items.code", hasItem(processed)).body("items.code", not(hasItem(inProcess)));
        assertEquals(ready.jsonPath().getList("items").size(), ready.jsonPath().getInt("total"));
        given().auth().oauth2(TestTokens.counterOfficer("counter9", OTHER_UNIT))
                .when().get("/api/results/ready").then().statusCode(200).body("total", equalTo(0));

        // another unit's officer cannot see it; a dossier still in process cannot be returned
        returnAs(TestTokens.counterOfficer("counter9", OTHER_UNIT), processed, "{\"channel\":\"COUNTER\",\"receivedBy\":\"A\"}")
                .then().statusCode(404);
        returnAs(officer(), inProcess, "{\"channel\":\"COUNTER\",\"receivedBy\":\"A\"}")
                .then().statusCode(409).body("type", equalTo("urn:motcua:problem:not-processed"));

        given().when().get("/api/public/open311/requests/{code}?pin=111111", processed)
                .then().statusCode(200).body("[0].service_request_id", equalTo(processed))
                .body("[0].status", equalTo("open")).body("[0].service_code", equalTo("RET-P"))
                .body("[0].expected_datetime", equalTo(T0.plusDays(10).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        given().when().get("/api/public/open311/requests/{code}?pin=000000", processed).then().statusCode(404);

        returnAs(officer(), processed, "{\"channel\":\"COUNTER\",\"receivedBy\":\"Trần Thị Bình\"}")
                .then().statusCode(200)
                .body("channel", equalTo("COUNTER"))
                .body("receivedBy", equalTo("Trần Thị Bình"))
                .body("returnedBy", equalTo("counter1"))
                .body("onTime", equalTo(true))
                .body("apologyRef", nullValue());
        given().auth().oauth2(officer()).when().get("/api/results/ready?size=500")
                .then().statusCode(200).body("items.code", not(hasItem(processed)));
        given().when().get("/api/public/dossiers/{code}?pin=111111", processed)
                .then().statusCode(200).body("nationalStatusCode", equalTo(10))
                .body("timeline[-1].note", equalTo("Đã trả kết quả tại Bộ phận Một cửa"));
        given().when().get("/api/public/open311/requests/{code}?pin=111111", processed)
                .then().statusCode(200).body("[0].status", equalTo("closed"))
                .body("[0].status_notes", equalTo("Đã trả kết quả tại Bộ phận Một cửa"));
        returnAs(officer(), processed, "{\"channel\":\"ONLINE\"}")
                .then().statusCode(409).body("type", equalTo("urn:motcua:problem:already-returned"));
    }

    @Test
    void badReturnRequestsAnswer4xx() {
        String code = processedDossier("333333", T0.plusDays(10));
        returnAs(officer(), code, "{\"channel\":\"POST\",\"receivedBy\":\"X\"}")
                .then().statusCode(400).body("errors.field", hasItem("trackingNumber"));
        returnAs(officer(), code, "{\"channel\":\"COUNTER\"}")
                .then().statusCode(400).body("errors.field", hasItem("receivedBy"));
        returnAs(officer(), code, "{\"channel\":\"FAX\"}").then().statusCode(400);
        returnAs(officer(), code, "{}").then().statusCode(400).body("errors.field", hasItem("channel"));
        returnAs(officer(), "khong-phai-ma", "{\"channel\":\"ONLINE\"}").then().statusCode(404);
        given().contentType("application/json").body("{\"channel\":\"ONLINE\"}")
                .when().post("/api/dossiers/{code}/return", code).then().statusCode(401);
        returnAs(TestTokens.supervisor("supervisor1"), code, "{\"channel\":\"ONLINE\"}").then().statusCode(403);
    }

    @Test
    void concurrentReturnsHaveExactlyOneWinnerAndOneEvent() throws Exception {
        String code = processedDossier("444444", T0.plusDays(10));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String body = "{\"channel\":\"POST\",\"trackingNumber\":\"EB00000000" + i + "VN\"}";
            calls.add(() -> returnAs(officer(), code, body).statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(5, statuses.stream().filter(s -> s == 409).count(), statuses.toString());

        List<ResultReturned> published = published(code, ResultReturned.TYPE, ResultReturned.class, 1);
        assertEquals(1, published.size());
        assertEquals(code, published.get(0).dossierCode());
        assertTrue(published.get(0).trackingNumber().startsWith("EB"));
    }

    @Test
    void aLateResultReferencesTheApologyOfTheExtension() {
        // As an older routing wrote the events: no lawful due date on them; the first appointment is the yardstick.
        extendedThenReturnedLate(OffsetDateTime.now(EventJson.VIETNAM).minusHours(1), "07/XL-RETA", false);
    }

    /**
     * Issue 20: the extension gave the citizen a new appointment (still ahead), but the result comes after the
     * statutory due date: the return is late, with the apology. It once said on time (judged by the new date).
     */
    @Test
    void aResultBeforeTheNewAppointmentButAfterTheStatutoryDateIsLate() {
        extendedThenReturnedLate(OffsetDateTime.now(EventJson.VIETNAM).plusDays(2), "08/XL-RETA", true);
    }

    /** A dossier due a day after T0, extended to {@code newDue}, decided at T0 + 2 days, returned now: late. */
    private void extendedThenReturnedLate(OffsetDateTime newDue, String apologyRef, boolean lawfulDueOnEvents) {
        String code = newCode();
        OffsetDateTime firstDue = T0.plusDays(1);
        OffsetDateTime lawfulDue = lawfulDueOnEvents ? firstDue : null;
        OffsetDateTime appointment = newDue.truncatedTo(ChronoUnit.SECONDS);
        events.sendAndAwait(Events.received(code, "555555", ReceptionChannel.COUNTER, "RET-P", "RET-A", T0, firstDue, null),
                new DossierExtensionGranted(code, T0.plusHours(20), "RET-A", Events.agencyName("RET-A"), "Chờ xác minh",
                        firstDue, appointment, apologyRef, null, lawfulDue),
                new DossierProcessed(code, T0.plusDays(2), Outcome.APPROVED, "RET-A", null, appointment,
                        !lawfulDueOnEvents, lawfulDue));
        returnAs(officer(), code, "{\"channel\":\"ONLINE\"}")
                .then().statusCode(200).body("onTime", equalTo(false)).body("apologyRef", equalTo(apologyRef));
        ResultReturned event = published(code, ResultReturned.TYPE, ResultReturned.class, 1).get(0);
        assertFalse(event.onTime());
        assertEquals(apologyRef, event.apologyRef());
    }

    @Test
    void ratingOncePerDossierAfterReturnWithTheLookupsMissRules() {
        String code = processedDossier("666666", T0.plusDays(10));
        String rating = "{\"onTime\":true,\"contactCount\":1,\"agenciesContacted\":1,\"staffAttitude\":\"VERY_SATISFIED\","
                + "\"openness\":\"SATISFIED\",\"overall\":\"VERY_SATISFIED\",\"comment\":\"Cán bộ nhiệt tình\"}";
        rate(code, "666666", rating).then().statusCode(409).body("type", equalTo("urn:motcua:problem:not-returned"));
        returnAs(officer(), code, "{\"channel\":\"COUNTER\",\"receivedBy\":\"Trần Thị Bình\"}").then().statusCode(200);

        Response wrongPin = rate(code, "000000", rating);
        Response unknown = rate(newCode(), "666666", rating);
        assertEquals(404, wrongPin.statusCode());
        assertEquals(404, unknown.statusCode());
        assertEquals(wrongPin.jsonPath().getString("detail"), unknown.jsonPath().getString("detail"));
        rate(code, "666666", "{\"onTime\":true,\"contactCount\":0}").then().statusCode(400)
                .body("errors.field", hasItem("contactCount")).body("errors.field", hasItem("overall"));

        rate(code, "666666", rating).then().statusCode(201)
                .body("dossierCode", equalTo(code)).body("overall", equalTo("VERY_SATISFIED"));
        rate(code, "666666", rating).then().statusCode(409).body("type", equalTo("urn:motcua:problem:already-rated"));

        DossierRated event = published(code, DossierRated.TYPE, DossierRated.class, 1).get(0);
        assertEquals("Cán bộ nhiệt tình", event.comment());
        assertEquals(1, event.contactCount());
    }

    @Test
    void ratingMissesShareTheLookupsLimit() {
        String rating = "{\"onTime\":true,\"contactCount\":1,\"agenciesContacted\":1,\"staffAttitude\":\"NEUTRAL\","
                + "\"openness\":\"NEUTRAL\",\"overall\":\"NEUTRAL\"}";
        for (int i = 0; i < 5; i++) {
            given().when().get("/api/public/dossiers/{code}?pin=000000", newCode()).then().statusCode(404);
        }
        for (int i = 0; i < 5; i++) {
            rate(newCode(), "000000", rating).then().statusCode(404);
        }
        Response refused = rate(newCode(), "000000", rating);
        assertEquals(429, refused.statusCode());
        assertTrue(Long.parseLong(refused.header("Retry-After")) >= 1);
    }

    @Test
    void logBookExportsCsvAndXlsx() throws IOException {
        String code = processedDossier("777777", T0.plusDays(10));
        returnAs(officer(), code, "{\"channel\":\"POST\",\"receivedBy\":\"Trần Thị Bình\",\"trackingNumber\":\"EB123456789VN\"}")
                .then().statusCode(200);
        LocalDate day = T0.toLocalDate();
        String supervisor = TestTokens.supervisor("supervisor1");

        Response csv = given().auth().oauth2(supervisor).when()
                .get("/api/reports/log-book?from={from}&to={to}", day.toString(), day.toString());
        assertEquals(200, csv.statusCode());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        String text = new String(csv.asByteArray(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFSTT,Mã hồ sơ,Tên thủ tục hành chính"), text);
        String line = text.lines().filter(l -> l.contains(code)).findFirst().orElseThrow();
        assertTrue(line.contains("Trần Thị Bình,\"Số 1 Phố Kim Mã, Ba Đình, Hà Nội\",0987654321,Cơ quan RET-A"), line);
        assertTrue(line.contains("Bưu chính (EB123456789VN),Trần Thị Bình"), line);

        Response xlsx = given().auth().oauth2(supervisor).when()
                .get("/api/reports/log-book?from={from}&to={to}&format=xlsx", day.toString(), day.toString());
        assertEquals(200, xlsx.statusCode());
        assertEquals(ReportResource.XLSX, xlsx.contentType());
        String sheets = unzipText(xlsx.asByteArray());
        assertTrue(sheets.contains(code), "the XLSX holds the dossier code");
        assertTrue(sheets.contains("EB123456789VN"), "and the return by post");

        given().auth().oauth2(supervisor).when().get("/api/reports/log-book?from=2026-02-30&to=2026-03-01")
                .then().statusCode(400).body("errors.field", hasItem("from"));
        given().auth().oauth2(supervisor).when().get("/api/reports/log-book?from=2026-03-02&to=2026-03-01")
                .then().statusCode(400);
        given().auth().oauth2(officer()).when().get("/api/reports/log-book?from=2026-03-01&to=2026-03-01")
                .then().statusCode(403);
    }

    /**
     * Form 07 as PDF, read back with PDFBox: a day no other test receives on, so the book holds exactly these
     * rows in order of reception, with the exact Vietnamese of the form and of the entries. The day is after
     * ProgressReportTest's March 2025: the dossier left in progress must not be carried over into its counts.
     */
    /** The same reception, handed in as {@code sets} sets. */
    private static vn.motcua.shared.events.intake.DossierReceived inSets(vn.motcua.shared.events.intake.DossierReceived e,
                                                                        int sets) {
        return new vn.motcua.shared.events.intake.DossierReceived(e.dossierCode(), e.procedureCode(), e.procedureVersion(),
                e.procedureName(), e.channel(), e.unitCode(), e.receivedBy(), e.receivedAt(), e.appointmentAt(),
                e.statutoryTime(), e.applicant(), e.citizenIdHmac(), e.lookupPin(), e.routingPlan(), e.returnChannel(),
                e.returnAddress(), e.rules(), sets, null);
    }

    @Test
    void logBookAsPdfForm07() throws IOException {
        OffsetDateTime day = OffsetDateTime.of(2025, 6, 18, 8, 30, 0, 0, EventJson.VIETNAM);
        String returned = DossierCode.format(UNIT, day, 9001);
        String stopped = DossierCode.format(UNIT, day, 9002);
        String fresh = DossierCode.format(UNIT, day, 9003);
        events.sendAndAwait(
                Events.received(returned, "121212", ReceptionChannel.COUNTER, "RET-P", "RET-A", day, day.plusDays(7), null),
                new TaskAssigned(returned, java.util.UUID.randomUUID(), "buoc-1", "RET-A", Events.agencyName("RET-A"),
                        "counter1", day.plusDays(1), day.plusDays(5)),
                new DossierProcessed(returned, day.plusDays(4), Outcome.APPROVED, "RET-A", null, day.plusDays(7), true),
                Events.received(stopped, "131313", ReceptionChannel.COUNTER, "RET-P", "RET-A", day.plusHours(1),
                        day.plusDays(7), null),
                new DossierProcessingStopped(stopped, "RET-A", "retofficer", day.plusDays(2), "Không bổ sung hồ sơ"),
                inSets(Events.received(fresh, "141414", ReceptionChannel.COUNTER, "RET-P", "RET-A", day.plusHours(2),
                        day.plusDays(7), null), 3));
        returnAs(officer(), returned, "{\"channel\":\"COUNTER\",\"receivedBy\":\"Lê Văn Cường\"}").then().statusCode(200);
        String today = java.time.LocalDate.now(EventJson.VIETNAM).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        String supervisor = TestTokens.supervisor("supervisor1");

        Response pdf = given().auth().oauth2(supervisor).when()
                .get("/api/reports/log-book?from=2025-06-18&to=2025-06-18&format=pdf");
        assertEquals(200, pdf.statusCode(), pdf.asString());
        assertEquals(ReportResource.PDF, pdf.contentType());
        assertEquals("attachment; filename=\"so-theo-doi-ho-so_2025-06-18_2025-06-18.pdf\"", pdf.header("Content-Disposition"));
        try (PDDocument doc = Loader.loadPDF(pdf.asByteArray())) {
            assertEquals(1, doc.getNumberOfPages());
            assertEquals(PDRectangle.A4.getHeight(), doc.getPage(0).getMediaBox().getWidth(), 1f, "A4 landscape");
            String text = new PDFTextStripper().getText(doc);
            String flat = text.replaceAll("\\s+", " ");
            assertTrue(flat.startsWith("BỘ PHẬN MỘT CỬA CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc"), flat);
            assertTrue(flat.contains("SỔ THEO DÕI HỒ SƠ Quyển số: ……………"), flat);
            assertTrue(flat.contains("Từ ngày 18/06/2025 đến ngày 18/06/2025"), flat);
            assertTrue(flat.contains("Tên cá nhân, tổ chức"), flat);
            // Exactly three entries in order of reception; a row's text runs from "STT code" to the next row.
            List<String> lines = text.lines().toList();
            List<Integer> starts = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).matches("^\\d+ " + java.util.regex.Pattern.quote(UNIT) + "-.*")) {
                    starts.add(i);
                }
            }
            assertEquals(3, starts.size(), text);
            starts.add(lines.size());
            List<String> rows = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                rows.add(String.join(" ", lines.subList(starts.get(r), starts.get(r + 1))).replaceAll("\\s+", " "));
            }
            assertEquals("1 " + returned + " Thủ tục RET-P 1 Trần Thị Bình Số 1 Phố Kim Mã, Ba Đình, Hà Nội, 0987654321"
                    // received, appointment, sent to the agency, decided, returned; the note says how and to whom
                    + " Cơ quan RET-A 18/06/2025 25/06/2025 19/06/2025 22/06/2025 " + today
                    + " Trả tại Bộ phận Một cửa, người nhận: Lê Văn Cường", rows.get(0));
            assertTrue(rows.get(1).startsWith("2 " + stopped + " Thủ tục RET-P 1 Trần Thị Bình Số 1 Phố Kim Mã, Ba Đình,"
                    + " Hà Nội, 0987654321 Cơ quan RET-A 18/06/2025 25/06/2025 Dừng giải quyết ngày"), rows.get(1));
            // the note column is narrow: the date wraps inside it
            assertTrue(rows.get(1).replace(" ", "").endsWith("20/06/2025"), rows.get(1));
            // handed in as three sets (dossier.received says so since issue 20's forms; the others told nothing: one)
            assertEquals("3 " + fresh + " Thủ tục RET-P 3 Trần Thị Bình Số 1 Phố Kim Mã, Ba Đình, Hà Nội, 0987654321"
                    + " Cơ quan RET-A 18/06/2025 25/06/2025", rows.get(2));
        }

        // by Accept as well; an empty day is a book with its header and no rows
        Response byAccept = given().auth().oauth2(supervisor).accept(ReportResource.PDF).when()
                .get("/api/reports/log-book?from=2025-06-19&to=2025-06-19");
        assertEquals(200, byAccept.statusCode());
        assertEquals(ReportResource.PDF, byAccept.contentType());
        try (PDDocument doc = Loader.loadPDF(byAccept.asByteArray())) {
            String flat = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(flat.contains("Từ ngày 19/06/2025 đến ngày 19/06/2025"), flat);
            assertFalse(flat.contains(UNIT + "-"), flat);
        }
        given().auth().oauth2(supervisor).when().get("/api/reports/log-book?from=2025-06-18&to=2025-06-18&format=doc")
                .then().statusCode(400).body("errors.field", hasItem("format"));
        given().auth().oauth2(officer()).when().get("/api/reports/log-book?from=2025-06-18&to=2025-06-18&format=pdf")
                .then().statusCode(403);
    }

    private String processedDossier(String pin, OffsetDateTime due) {
        String code = newCode();
        events.sendAndAwait(Events.received(code, pin, ReceptionChannel.COUNTER, "RET-P", "RET-A", T0, due, null),
                new DossierProcessed(code, T0.plusDays(1), Outcome.APPROVED, "RET-A", null, due, true));
        return code;
    }

    private <T> List<T> published(String code, String type, Class<T> payload, int atLeast) {
        List<T> found = new ArrayList<>();
        for (ConsumerRecord<String, String> record : TopicReader.read(bootstrap, Topics.RESULT, 1,
                Duration.ofSeconds(3), Duration.ofSeconds(30))) {
            CloudEvent<JsonNode> event = EventJson.read(record.value());
            if (code.equals(record.key()) && type.equals(event.type())) {
                found.add(EventJson.dataAs(event, payload));
            }
        }
        assertTrue(found.size() >= atLeast, "published " + found.size() + " " + type);
        return found;
    }

    /** All parts of the workbook as text; via the central directory, as spreadsheet programs read it. */
    private static String unzipText(byte[] xlsx) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("log-book", ".xlsx");
        try {
            java.nio.file.Files.write(file, xlsx);
            StringBuilder text = new StringBuilder();
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                    text.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return text.toString();
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    private static Response returnAs(String token, String code, String body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .when().post("/api/dossiers/{code}/return", code);
    }

    private static Response rate(String code, String pin, String body) {
        return given().contentType("application/json").body(body)
                .when().post("/api/public/dossiers/{code}/rating?pin={pin}", code, pin);
    }

    private static String officer() {
        return TestTokens.counterOfficer("counter1", UNIT);
    }

    private static String newCode() {
        return DossierCode.format(UNIT, T0, SEQUENCE.incrementAndGet());
    }
}
