package vn.motcua.intake.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;
import vn.motcua.testsupport.TestTokens;

import java.io.IOException;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Form 01 from a received dossier; same test resources as ReceptionTest, so the same Quarkus boot. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class DocumentResourceTest {
    static final String COUNTER = ReceptionTest.COUNTER;

    @Test
    void receiptOfAReceivedDossierIsAnA5PdfWithItsCodeAndApplicant() throws IOException {
        String code = ReceptionTest.post(COUNTER, ReceptionTest.newborn("001090012345", ReceptionTest.ALL_DOCUMENTS), null)
                .then().statusCode(201).extract().path("code");
        Response response = given().auth().oauth2(COUNTER).accept("application/pdf")
                .get("/api/dossiers/" + code + "/receipt");
        response.then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", equalTo("inline; filename=\"" + code + "-giay-tiep-nhan.pdf\""));
        try (PDDocument pdf = Loader.loadPDF(response.asByteArray())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertTrue(text.contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"), text);
            assertTrue(text.contains("Mã hồ sơ: " + code), text);
            assertTrue(text.contains("Ông/Bà: Nguyễn Văn An"), text);
            assertTrue(text.contains("Trung tâm Phục vụ hành chính công phường Ba Đình tiếp nhận hồ sơ của:"), text);
            assertTrue(text.contains("2 Giấy chứng sinh Bản chính 1"), text);
            assertTrue(text.contains("Vào Sổ theo dõi hồ sơ, Quyển số: "), text);
            assertTrue(text.contains("Hà Nội, ngày "), text);
            assertEquals(419.5, pdf.getPage(0).getMediaBox().getWidth(), 0.5);
        }

        given().auth().oauth2(TestTokens.supervisor("supervisor1")).accept("application/pdf")
                .get("/api/dossiers/" + code + "/receipt").then().statusCode(200);
        given().auth().oauth2(TestTokens.counterOfficer("counter9", "000.00.31.H30")).accept("application/pdf")
                .get("/api/dossiers/" + code + "/receipt").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.agencyOfficer("tuphap1", "TUPHAP-BADINH")).accept("application/pdf")
                .get("/api/dossiers/" + code + "/receipt").then().statusCode(403);
    }

    /**
     * Issue 20, item 7: the PIN given back at printing time, the sets handed in, the officer's full name from the token
     * (not the login), the return channel with the postal address, and the entry in the unit's yearly log book.
     */
    @Test
    void receiptPrintsThePinTheSetsTheOfficersNameThePostalReturnAndTheLogBookEntry() throws IOException {
        String officer = TestTokens.token("counter1", java.util.Set.of("counter-officer"), java.util.Map.of(
                "unit", ReceptionTest.UNIT, "name", "Lan Nguyễn Thị", "given_name", "Lan", "family_name", "Nguyễn Thị"));
        String body = ReceptionTest.newborn("001090012345", ReceptionTest.ALL_DOCUMENTS).replace(
                "\"channel\":\"COUNTER\",", "\"channel\":\"COUNTER\",\"sets\":2,\"returnChannel\":\"POST\","
                        + "\"returnAddress\":\"45 Hàng Bài, phường Hoàn Kiếm, Hà Nội\",");
        Response received = ReceptionTest.post(officer, body, null);
        received.then().statusCode(201);
        String code = received.path("code");
        String pin = received.path("lookupPin");
        String next = ReceptionTest.post(officer, ReceptionTest.newborn(null, ReceptionTest.ALL_DOCUMENTS), null)
                .then().statusCode(201).extract().path("code");

        String text = text(given().auth().oauth2(COUNTER).accept("application/pdf").queryParam("pin", pin)
                .get("/api/dossiers/" + code + "/receipt"));
        assertTrue(text.contains("Mã tra cứu (PIN): " + pin), text);
        assertTrue(text.contains("2. Số lượng hồ sơ: 02 (bộ)"), text);
        assertTrue(text.contains("6. Đăng ký nhận kết quả tại: Qua dịch vụ bưu chính công ích, đến địa chỉ: 45 Hàng Bài,"
                + " phường Hoàn Kiếm, Hà Nội"), text);
        assertTrue(text.contains("Nguyễn Thị Lan"), text);
        assertFalse(text.contains("counter1"), text);
        int year = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(7)).getYear();
        java.util.regex.Matcher entry = java.util.regex.Pattern
                .compile("Quyển số: " + year + " Số thứ tự: (\\d+)").matcher(text);
        assertTrue(entry.find(), text);
        // The next dossier of the unit is the next entry of the same book.
        String nextText = text(given().auth().oauth2(COUNTER).accept("application/pdf")
                .get("/api/dossiers/" + next + "/receipt"));
        assertTrue(nextText.contains("Quyển số: " + year + " Số thứ tự: " + (Integer.parseInt(entry.group(1)) + 1)),
                nextText);
        // A reprint without the PIN leaves its line blank; a PIN that is not the dossier's is refused.
        assertTrue(nextText.contains("Mã tra cứu (PIN): ……………"), nextText);
        String wrong = pin.equals("000000") ? "000001" : "000000";
        given().auth().oauth2(COUNTER).accept("application/pdf").queryParam("pin", wrong)
                .get("/api/dossiers/" + code + "/receipt").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.contains("pin"))
                .body("errors.message", org.hamcrest.Matchers.contains("mã tra cứu không đúng với hồ sơ " + code));
        // Sets beyond what a counter takes are refused with a sentence.
        ReceptionTest.post(officer, ReceptionTest.newborn(null, ReceptionTest.ALL_DOCUMENTS).replace(
                        "\"channel\":\"COUNTER\",", "\"channel\":\"COUNTER\",\"sets\":0,"), null)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.message", org.hamcrest.Matchers.hasItem("số lượng hồ sơ ít nhất là 1 bộ"));
    }

    @Test
    void unknownCodeIsANotFoundProblem() {
        given().auth().oauth2(COUNTER).accept("application/pdf")
                .get("/api/dossiers/000.00.31.H29-200101-9999/receipt").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", startsWith("Không tìm thấy"));
    }

    static String text(Response response) throws IOException {
        response.then().statusCode(200).contentType("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(response.asByteArray())) {
            return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
    }

    @Test
    void aSubmissionHasItsForm02AndForm03AsPdfButNoReceiptUntilReceived() throws IOException {
        String code = CounterWorkflowTest.submit(CounterWorkflowTest.CITIZEN, CounterWorkflowTest.submission(
                "Tờ khai đăng ký khai sinh")).then().statusCode(201).extract().path("code");
        given().auth().oauth2(COUNTER).accept("application/pdf").get("/api/dossiers/" + code + "/receipt").then()
                .statusCode(409).body("type", containsString("not-received"));
        given().auth().oauth2(COUNTER).accept("application/pdf").get("/api/dossiers/" + code + "/supplement-request")
                .then().statusCode(404);
        CounterWorkflowTest.act(COUNTER, code, "supplement-request", """
                {"reason":"Thiếu giấy chứng sinh và tờ khai cư trú",
                 "items":[{"name":"Giấy chứng sinh","form":"ORIGINAL","copies":1,"note":"Bản chính do cơ sở y tế cấp"},
                          {"name":"Tờ khai thay đổi thông tin cư trú","form":"ORIGINAL","copies":1}]}""")
                .then().statusCode(200);
        String form02 = text(given().auth().oauth2(COUNTER).accept("application/pdf")
                .get("/api/dossiers/" + code + "/supplement-request"));
        assertTrue(form02.contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"), form02);
        assertTrue(form02.contains("Trần Thị Bình"), form02);
        assertTrue(form02.contains("Giấy chứng sinh"), form02);
        assertTrue(form02.contains("Bản chính do cơ sở y tế cấp"), form02);
        assertTrue(form02.contains("Thiếu giấy chứng sinh và tờ khai cư trú"), form02);

        CounterWorkflowTest.act(COUNTER, code, "refuse", """
                {"reasons":["Hồ sơ không thuộc thẩm quyền tiếp nhận của phường"]}""").then().statusCode(200);
        String form03 = text(given().auth().oauth2(COUNTER).accept("application/pdf")
                .get("/api/dossiers/" + code + "/refusal"));
        assertTrue(form03.contains("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"), form03);
        assertTrue(form03.contains("Hồ sơ không thuộc thẩm quyền tiếp nhận của phường"), form03);
        assertTrue(form03.contains(code), form03);
        given().auth().oauth2(TestTokens.counterOfficer("counter9", "000.01.31.H29")).accept("application/pdf")
                .get("/api/dossiers/" + code + "/refusal").then().statusCode(404);
    }

    @Test
    void anIncompleteWalkInGetsTheWrittenGuidanceListingEverythingMissing() throws IOException {
        String guidance = text(given().auth().oauth2(COUNTER).contentType("application/json").accept("application/pdf")
                .body(ReceptionTest.newborn("001090012345", "Tờ khai đăng ký khai sinh", "Giấy chứng sinh"))
                .post("/api/reception-guidance"));
        assertTrue(guidance.contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"), guidance);
        assertTrue(guidance.contains("Tờ khai thay đổi thông tin cư trú"), guidance);
        assertTrue(guidance.contains("Tờ khai tham gia bảo hiểm y tế"), guidance);
        assertFalse(guidance.contains("Giấy chứng sinh Bản chính"), "what was handed in is not asked for: " + guidance);
        given().auth().oauth2(COUNTER).contentType("application/json").accept("application/pdf")
                .body(ReceptionTest.newborn("001090012345", ReceptionTest.ALL_DOCUMENTS))
                .post("/api/reception-guidance").then().statusCode(422).body("type", containsString("nothing-missing"));
        given().auth().oauth2(CounterWorkflowTest.CITIZEN).contentType("application/json").accept("application/pdf")
                .body(ReceptionTest.newborn("001090012345", "Giấy chứng sinh"))
                .post("/api/reception-guidance").then().statusCode(403);
    }
}
