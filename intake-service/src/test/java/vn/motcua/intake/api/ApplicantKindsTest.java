package vn.motcua.intake.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.motcua.shared.events.CloudEvent;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.EventTypes;
import vn.motcua.shared.events.Topics;
import vn.motcua.shared.events.intake.ApplicantKind;
import vn.motcua.shared.events.intake.DossierReceived;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;
import vn.motcua.testsupport.TopicReader;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An applicant who is an organisation or a citizen's authorised representative (issue 24): what each kind needs
 * and refuses, what is recorded and shown, whom the receipt and the event address, and that the citizen link
 * ("my dossiers") is the submitter's.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ApplicantKindsTest {
    static final String COUNTER = ReceptionTest.COUNTER;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    long countDossiers() throws java.sql.SQLException {
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("select count(*) from intake.dossier")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The newborn dossier, complete, with this applicant object. */
    static String dossier(String applicant) {
        StringBuilder docs = new StringBuilder();
        for (String d : ReceptionTest.ALL_DOCUMENTS) {
            docs.append(docs.isEmpty() ? "" : ",").append("{\"name\":\"").append(d).append("\",\"form\":\"ORIGINAL\",\"copies\":1}");
        }
        return """
                {"procedureCode":"LT-KS-TT-BHYT","channel":"COUNTER","applicant":%s,"documents":[%s]}"""
                .formatted(applicant, docs);
    }

    static final String ORGANISATION = """
            {"fullName":"Lê Văn Cường","idNumber":"001085004321","phone":"0987654321","email":"cuong@phutho-xanh.vn",
             "address":"5 Hùng Vương, Việt Trì, Phú Thọ","kind":"ORGANISATION",
             "organisation":{"name":"Công ty TNHH Phú Thọ Xanh","taxCode":"2600123456"}}""";
    static final String REPRESENTATIVE = """
            {"fullName":"Trần Văn Bình","idNumber":"001090012345","phone":"0912345678","email":"binh@example.vn",
             "address":"8 Quán Thánh, Ba Đình, Hà Nội","kind":"REPRESENTATIVE",
             "represents":{"fullName":"Nguyễn Thị Hoa","idNumber":"001190067890","address":"Thôn Đông, Tân Lập"},
             "authorisation":{"number":"125/2026/UQ","date":"2026-11-30","issuedBy":"UBND xã Tân Lập chứng thực"}}""";

    DossierReceived received(String code) {
        List<ConsumerRecord<String, String>> records = TopicReader.read(bootstrap, Topics.INTAKE, 1,
                Duration.ofSeconds(2), Duration.ofSeconds(30));
        ConsumerRecord<String, String> record = records.stream().filter(r -> code.equals(r.key()))
                .filter(r -> r.value().contains(DossierReceived.TYPE)).findFirst().orElseThrow();
        assertFalse(record.value().contains("001190067890"), "the represented citizen's ID never goes on a topic");
        CloudEvent<JsonNode> event = EventJson.read(record.value());
        return EventTypes.DOSSIER_RECEIVED.payload(event);
    }

    static String receiptText(String code) throws IOException {
        Response response = given().auth().oauth2(COUNTER).accept("application/pdf").get("/api/dossiers/" + code + "/receipt");
        response.then().statusCode(200);
        try (PDDocument pdf = Loader.loadPDF(response.asByteArray())) {
            return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
    }

    @Test
    void anOrganisationIsRecordedByTaxCodeAndAddressedByName() throws IOException {
        String code = ReceptionTest.post(COUNTER, dossier(ORGANISATION), null).then().statusCode(201).extract().path("code");
        given().auth().oauth2(COUNTER).get("/api/dossiers/" + code).then().statusCode(200)
                .body("applicant.kind", equalTo("ORGANISATION"))
                .body("applicant.fullName", equalTo("Lê Văn Cường"))
                .body("applicant.organisation.name", equalTo("Công ty TNHH Phú Thọ Xanh"))
                .body("applicant.organisation.taxCode", equalTo("2600123456"))
                .body("applicant.represents", nullValue());
        String text = receiptText(code);
        assertTrue(text.contains("Ông/Bà: Lê Văn Cường"), text);
        assertTrue(text.contains("Đại diện cho tổ chức: Công ty TNHH Phú Thọ Xanh (mã số thuế 2600123456)"), text);

        DossierReceived event = received(code);
        assertEquals(ApplicantKind.ORGANISATION, event.applicant().kind());
        assertEquals("Công ty TNHH Phú Thọ Xanh", event.applicant().addressee());
        assertEquals("2600123456", event.applicant().taxCode());
        assertEquals("cuong@phutho-xanh.vn", event.applicant().email());
    }

    @Test
    void aRepresentativeIsTheContactWithTheAuthorisationRecordedAndTheLinkIsTheirs() throws IOException {
        String code = ReceptionTest.post(COUNTER, dossier(REPRESENTATIVE), null).then().statusCode(201).extract().path("code");
        given().auth().oauth2(COUNTER).get("/api/dossiers/" + code).then().statusCode(200)
                .body("applicant.kind", equalTo("REPRESENTATIVE"))
                .body("applicant.fullName", equalTo("Trần Văn Bình"))
                .body("applicant.represents.fullName", equalTo("Nguyễn Thị Hoa"))
                .body("applicant.represents.idNumber", equalTo("*********890"))
                .body("applicant.authorisation.number", equalTo("125/2026/UQ"))
                .body("applicant.authorisation.date", equalTo("2026-11-30"))
                .body("applicant.authorisation.issuedBy", equalTo("UBND xã Tân Lập chứng thực"));
        String text = receiptText(code);
        assertTrue(text.contains("Ông/Bà: Trần Văn Bình"), text);
        assertTrue(text.contains("Đại diện theo ủy quyền của: Nguyễn Thị Hoa (văn bản ủy quyền số 125/2026/UQ ngày"
                + " 30/11/2026, UBND xã Tân Lập chứng thực)"), text);

        DossierReceived event = received(code);
        assertEquals(ApplicantKind.REPRESENTATIVE, event.applicant().kind());
        assertEquals("Trần Văn Bình", event.applicant().addressee());
        assertEquals("Nguyễn Thị Hoa", event.applicant().representedName());
        assertEquals("binh@example.vn", event.applicant().email());
        // "My dossiers" follows the one who submitted: the link is the representative's ID, as for a citizen
        // submitting for themselves with that ID.
        String own = ReceptionTest.post(COUNTER, ReceptionTest.newborn("001090012345", ReceptionTest.ALL_DOCUMENTS), null)
                .then().statusCode(201).extract().path("code");
        assertEquals(received(own).citizenIdHmac(), event.citizenIdHmac());
    }

    @Test
    void aCitizenIsAsBeforeAndEachKindRefusesWhatItDoesNotTakeOrLacks() throws java.sql.SQLException {
        String code = ReceptionTest.post(COUNTER, ReceptionTest.newborn("001090012345", ReceptionTest.ALL_DOCUMENTS), null)
                .then().statusCode(201).extract().path("code");
        given().auth().oauth2(COUNTER).get("/api/dossiers/" + code).then().statusCode(200)
                .body("applicant.kind", nullValue()).body("applicant.organisation", nullValue());
        DossierReceived event = received(code);
        assertNull(event.applicant().kind());
        assertEquals("Nguyễn Văn An", event.applicant().addressee());

        long before = countDossiers();
        ReceptionTest.post(COUNTER, dossier("""
                {"fullName":"Lê Văn Cường","kind":"ORGANISATION"}"""), null).then().statusCode(400)
                .body("errors.field", hasItem("applicant.organisation"));
        ReceptionTest.post(COUNTER, dossier("""
                {"fullName":"Lê Văn Cường","kind":"ORGANISATION","organisation":{"name":"Công ty X","taxCode":"12345"}}"""),
                null).then().statusCode(400);
        ReceptionTest.post(COUNTER, dossier("""
                {"fullName":"Trần Văn Bình","kind":"REPRESENTATIVE","represents":{"fullName":"Nguyễn Thị Hoa"}}"""), null)
                .then().statusCode(400).body("errors.field", hasItem("applicant.authorisation"));
        ReceptionTest.post(COUNTER, dossier("""
                {"fullName":"Trần Văn Bình","kind":"REPRESENTATIVE","represents":{"fullName":"Nguyễn Thị Hoa"},
                 "authorisation":{"number":"1/UQ","date":"%s"}}""".formatted(LocalDate.now().plusDays(30))), null)
                .then().statusCode(400).body("errors.field", hasItem("applicant.authorisation.date"));
        ReceptionTest.post(COUNTER, dossier("""
                {"fullName":"Nguyễn Văn An","represents":{"fullName":"Nguyễn Thị Hoa"}}"""), null)
                .then().statusCode(400).body("errors.field", hasItem("applicant.represents"));
        ReceptionTest.post(COUNTER, dossier("""
                {"fullName":"Nguyễn Văn An","kind":"SOMEONE"}"""), null).then().statusCode(400);
        assertEquals(before, countDossiers(), "a refused reception writes nothing");
    }
}
