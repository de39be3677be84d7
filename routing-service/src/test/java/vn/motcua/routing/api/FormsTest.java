package vn.motcua.routing.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.routing.TestClock;
import vn.motcua.shared.events.intake.Applicant;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;
import vn.motcua.testsupport.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.routing.api.StepActionsTest.at;
import static vn.motcua.routing.api.StepActionsTest.post;
import static vn.motcua.routing.api.TaskFlowTest.BHXH1;
import static vn.motcua.routing.api.TaskFlowTest.CONGAN1;
import static vn.motcua.routing.api.TaskFlowTest.INSURANCE;
import static vn.motcua.routing.api.TaskFlowTest.JUSTICE;
import static vn.motcua.routing.api.TaskFlowTest.POLICE;
import static vn.motcua.routing.api.TaskFlowTest.SUPERVISOR1;
import static vn.motcua.routing.api.TaskFlowTest.TUPHAP1;
import static vn.motcua.routing.api.TaskFlowTest.UNIT;
import static vn.motcua.routing.api.TaskFlowTest.complete;

/**
 * The forms routing prints, read back from the PDF: Form 04 for the extension, Form 05 for a stop, Form 06
 * (the control sheet) on Accept: application/pdf with the same rows as its JSON; who may see them, and the
 * 404 problems when there is nothing to print. Same test resources and profile as the other routing tests
 * (one boot).
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class FormsTest {
    static final String PDF = "application/pdf";
    static final OffsetDateTime RECEIVED = TaskFlowTest.RECEIVED; // Mon 2025-11-24 09:15
    static final OffsetDateTime DUE = OffsetDateTime.parse("2025-11-27T17:00:00+07:00");
    static final String PROCEDURE = "Liên thông đăng ký khai sinh, thường trú, cấp thẻ BHYT cho trẻ dưới 6 tuổi";
    static final Applicant APPLICANT = new Applicant("Trần Văn Bình", "0987654321", "binh@example.vn",
            "25 Đội Cấn, phường Ba Đình, Hà Nội");
    static final Map<String, String> NAMES = Map.of(UNIT, RoutingKit.UNIT_NAME,
            JUSTICE, "UBND phường Ba Đình — Tư pháp, hộ tịch",
            POLICE, "Công an phường Ba Đình",
            INSURANCE, "Bảo hiểm xã hội khu vực I");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    TestClock clock;
    @Inject
    AgroalDataSource dataSource;

    RoutingKit kit;

    @BeforeEach
    void kit() {
        kit = new RoutingKit(bootstrap);
        kit.catalogue(dataSource);
    }

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    static String code(int sequence) {
        return String.format("%s-251202-%04d", UNIT, sequence);
    }

    /** Received (and routed) at the fixed instant, so handovers and due dates are all in November 2025. */
    String receive(String code) {
        clock.set(at("2025-11-24T09:20:00"));
        kit.receive(code, TaskFlowTest.sequentialPlan(), "LT-KS-TT-BHYT", RECEIVED, DUE, 3, PROCEDURE, APPLICANT);
        return kit.awaitTask(code, TUPHAP1);
    }

    static byte[] pdf(String token, String path, String code) {
        return given().auth().oauth2(token).accept(PDF).when().get(path, code).then()
                .statusCode(200).contentType(PDF).header("Content-Disposition", startsWith("inline; filename="))
                .extract().asByteArray();
    }

    /** The PDF's text with every run of whitespace (wrapped lines included) as one space. */
    static String text(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertContains(String text, String expected) {
        assertTrue(text.contains(expected), "«" + expected + "» not in: " + text);
    }

    @Test
    void theExtensionPrintsTheApologyWithTheOldAndNewAppointment() {
        String code = code(1);
        receive(code);
        given().auth().oauth2(TUPHAP1).accept(PDF).when().get("/api/dossiers/{code}/apology", code).then()
                .statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("Hồ sơ " + code + " không được gia hạn nên không có văn bản xin lỗi."));

        clock.set(at("2025-11-26T10:00:00"));
        post(TUPHAP1, "/api/dossiers/{code}/extension", code, """
                {"newDueAt": "2025-12-05T17:00:00+07:00", "reason": "Cần xác minh thêm tại nơi sinh",
                 "apologyRef": "15/PXL-TP", "signedBy": "Nguyễn Văn An", "signerTitle": "Chủ tịch UBND phường"}""")
                .statusCode(200);

        String text = text(pdf(TUPHAP1, "/api/dossiers/{code}/apology", code));
        assertContains(text, "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT");
        assertContains(text, "Mã hồ sơ: " + code);
        assertContains(text, "Kính gửi: Trần Văn Bình");
        assertContains(text, "Số: 15/PXL-TP");
        // Dated at the one-stop unit's place (the last part of its address in the catalogue copy).
        assertContains(text, "Hà Nội, ngày 26 tháng 11 năm 2025");
        assertContains(text, "Ngày 24/11/2025, Bộ phận Một cửa đã tiếp nhận hồ sơ mã số " + code);
        assertContains(text, PROCEDURE);
        // The appointment as received and the new one, in Vietnam's time though the JVM runs in UTC.
        assertContains(text, "thời gian hẹn trả kết quả: 17 giờ 00 phút, ngày 27/11/2025");
        assertContains(text, "thời gian trả kết quả mới: 17 giờ 00 phút, ngày 05/12/2025");
        assertContains(text, "UBND phường Ba Đình — Tư pháp, hộ tịch chưa trả kết quả giải quyết hồ sơ đúng hạn"
                + " vì lý do: Cần xác minh thêm tại nơi sinh");
        assertContains(text, "CHỦ TỊCH UBND PHƯỜNG");
        assertContains(text, "Nguyễn Văn An");
        // Routing keeps no phone, e-mail or PIN, so none can be printed.
        assertFalse(text.contains("0987654321") || text.contains("binh@example.vn") || text.contains("482913"), text);

        // Supervisors see it; an agency that never had the dossier does not; nothing stopped here.
        assertContains(text(pdf(SUPERVISOR1, "/api/dossiers/{code}/apology", code)), "Kính gửi: Trần Văn Bình");
        given().auth().oauth2(BHXH1).accept(PDF).when().get("/api/dossiers/{code}/apology", code).then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.counterOfficer("counter1", UNIT)).accept(PDF)
                .when().get("/api/dossiers/{code}/apology", code).then().statusCode(403);
        given().auth().oauth2(TUPHAP1).accept(PDF).when().get("/api/dossiers/{code}/stop-notice", code).then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(SUPERVISOR1).accept(PDF).when().get("/api/dossiers/{code}/apology", code(999)).then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aStopPrintsTheNoticeWithItsReasonAndADossierRoutedBeforeV3PrintsNoName() throws SQLException {
        String code = code(2);
        String justiceTask = receive(code);
        clock.set(at("2025-11-25T15:00:00"));
        post(TUPHAP1, "/api/tasks/{id}/stop", justiceTask,
                "{\"reason\": \"Người yêu cầu đề nghị dừng giải quyết\"}").statusCode(200);

        String text = text(pdf(TUPHAP1, "/api/dossiers/{code}/stop-notice", code));
        assertContains(text, "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ");
        assertContains(text, "Mã hồ sơ: " + code);
        assertContains(text, "Kính gửi: Trần Văn Bình");
        assertContains(text, "Hà Nội, ngày 25 tháng 11 năm 2025");
        assertContains(text, "UBND phường Ba Đình — Tư pháp, hộ tịch thông báo dừng giải quyết hồ sơ nêu trên"
                + " vì lý do: Người yêu cầu đề nghị dừng giải quyết.");
        // Its number and legal basis: none given, so the defaults (issue 20, item 7).
        assertContains(text, "Số: 05/" + code);
        assertContains(text, "Căn cứ Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025 của Chính phủ");
        given().auth().oauth2(CONGAN1).accept(PDF).when().get("/api/dossiers/{code}/stop-notice", code).then()
                .statusCode(404);
        given().auth().oauth2(TUPHAP1).accept(PDF).when().get("/api/dossiers/{code}/apology", code).then()
                .statusCode(404).contentType("application/problem+json");

        // A dossier routed before V3 kept no applicant or procedure name: the forms still print.
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "update routed_dossier set applicant_name = null, applicant_address = null, procedure_name = null"
                        + " where code = ?")) {
            s.setString(1, code);
            assertEquals(1, s.executeUpdate());
        }
        String old = text(pdf(SUPERVISOR1, "/api/dossiers/{code}/stop-notice", code));
        assertContains(old, "Kính gửi: (chưa có thông tin)");
        assertContains(old, "về việc: LT-KS-TT-BHYT.");
        assertContains(text(pdf(SUPERVISOR1, "/api/dossiers/{code}/control-sheet", code)),
                "Kèm theo hồ sơ của: (chưa có thông tin)");
    }

    @Test
    void theControlSheetPdfHasTheRowsOfItsJson() {
        String code = code(3);
        String justiceTask = receive(code);
        clock.set(at("2025-11-24T14:00:00"));
        complete(TUPHAP1, justiceTask, "APPROVED", null).statusCode(200);
        clock.set(at("2025-11-26T16:00:00"));
        post(CONGAN1, "/api/tasks/{id}/return", kit.awaitTask(code, CONGAN1),
                "{\"reason\": \"Sai họ tên trong giấy khai sinh\"}").statusCode(200);
        clock.set(at("2025-11-26T16:30:00"));
        complete(TUPHAP1, kit.awaitTask(code, TUPHAP1), "APPROVED", "Đã sửa họ tên").statusCode(200);
        clock.set(at("2025-11-26T16:45:00"));
        complete(CONGAN1, kit.awaitTask(code, CONGAN1), "APPROVED", null).statusCode(200);
        clock.set(at("2025-11-27T10:00:00"));
        complete(BHXH1, kit.awaitTask(code, BHXH1), "APPROVED", null).statusCode(200);

        // JSON stays the default: no Accept, */*, and JSON preferred to PDF.
        List<String> from = given().auth().oauth2(CONGAN1).when().get("/api/dossiers/{code}/control-sheet", code)
                .then().statusCode(200).contentType("application/json")
                .body("rows.from", contains(UNIT, JUSTICE, POLICE, JUSTICE, POLICE, INSURANCE))
                .extract().path("rows.from");
        List<String> to = given().auth().oauth2(CONGAN1).accept("*/*").when()
                .get("/api/dossiers/{code}/control-sheet", code).then().statusCode(200).contentType("application/json")
                .extract().path("rows.to");
        given().auth().oauth2(CONGAN1).accept("application/json, application/pdf;q=0.5").when()
                .get("/api/dossiers/{code}/control-sheet", code).then().statusCode(200).contentType("application/json");

        String text = text(pdf(CONGAN1, "/api/dossiers/{code}/control-sheet", code));
        assertContains(text, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ");
        // Issued by the one-stop unit, named and placed from the catalogue copy.
        assertContains(text, RoutingKit.UNIT_NAME.toUpperCase(java.util.Locale.ROOT));
        assertContains(text, "Hà Nội, ngày 27 tháng 11 năm 2025");
        assertContains(text, "Mã hồ sơ: " + code);
        assertContains(text, "Kèm theo hồ sơ của: Trần Văn Bình");
        assertContains(text, "Nội dung yêu cầu giải quyết: " + PROCEDURE);
        assertContains(text, "Ngày nhận hồ sơ: 09 giờ 15 phút, ngày 24/11/2025");
        assertContains(text, "Ngày hẹn trả kết quả: 17 giờ 00 phút, ngày 27/11/2025");
        assertEquals(6, from.size());
        for (int k = 0; k < from.size(); k++) {
            assertContains(text, (k + 1) + " Giao: " + NAMES.get(from.get(k)) + " Nhận: " + NAMES.get(to.get(k)) + " ");
        }
        // Row by row: handed over, giver, receiver, result, latest return, note.
        assertContains(text, "1 Giao: " + NAMES.get(UNIT) + " Nhận: " + NAMES.get(JUSTICE)
                + " 09 giờ 20 phút, ngày 24/11/2025 tuphap1 Trước hạn 17 giờ 00 phút, ngày 25/11/2025 Đồng ý");
        assertContains(text, "2 Giao: " + NAMES.get(JUSTICE) + " Nhận: " + NAMES.get(POLICE)
                + " 14 giờ 00 phút, ngày 24/11/2025 tuphap1 congan1 Đúng hạn 17 giờ 00 phút, ngày 26/11/2025"
                + " Trả lại bước trước");
        // The step returned to keeps its due date: done on the 26th against the 25th.
        assertContains(text, "3 Giao: " + NAMES.get(POLICE) + " Nhận: " + NAMES.get(JUSTICE)
                + " 16 giờ 00 phút, ngày 26/11/2025 congan1 tuphap1 Quá hạn 17 giờ 00 phút, ngày 25/11/2025 Đồng ý");
        assertContains(text, "6 Giao: " + NAMES.get(INSURANCE) + " Nhận: " + NAMES.get(UNIT)
                + " 10 giờ 00 phút, ngày 27/11/2025 bhxh1 Đúng hạn 17 giờ 00 phút, ngày 27/11/2025 Đồng ý");

        assertContains(text(pdf(SUPERVISOR1, "/api/dossiers/{code}/control-sheet", code)), "6 Giao: ");
        given().auth().oauth2(TestTokens.agencyOfficer("thue1", "THUE-HN")).accept(PDF)
                .when().get("/api/dossiers/{code}/control-sheet", code).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(SUPERVISOR1).accept(PDF).when().get("/api/dossiers/{code}/control-sheet", code(998))
                .then().statusCode(404).contentType("application/problem+json");
    }
}
