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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
            assertTrue(text.contains("Số thứ tự: " + code.substring(code.length() - 4)), text);
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

    @Test
    void unknownCodeIsANotFoundProblem() {
        given().auth().oauth2(COUNTER).accept("application/pdf")
                .get("/api/dossiers/000.00.31.H29-200101-9999/receipt").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", startsWith("Không tìm thấy"));
    }
}
