package vn.motcua.system;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An organisation and a citizen's authorised representative as applicants (issue 24), on the real stack: the
 * reception records them, the receipt is issued, the reception mail addresses the organisation by name and the
 * representative by theirs, and a representative (citizen1) finds what they submitted in "my dossiers".
 */
class ApplicantKindsIT {
    static final String DOCUMENTS = """
            [{"name":"Tờ khai đăng ký khai sinh","form":"ORIGINAL","copies":1},
             {"name":"Giấy chứng sinh","form":"ORIGINAL","copies":1},
             {"name":"Tờ khai thay đổi thông tin cư trú","form":"ORIGINAL","copies":1},
             {"name":"Tờ khai tham gia bảo hiểm y tế","form":"ORIGINAL","copies":1}]""";

    static Response receive(String applicant) {
        Response receipt = Stack.as("counter1").contentType(ContentType.JSON).body("""
                        {"procedureCode":"LT-KS-TT-BHYT","channel":"COUNTER","applicant":%s,"documents":%s}"""
                        .formatted(applicant, DOCUMENTS))
                .post(Stack.INTAKE + "/api/dossiers");
        receipt.then().statusCode(201);
        return receipt;
    }

    /** The reception mail's text, quoted-printable decoded. */
    static String receptionMail(String address, String code) {
        Journeys.mailArrives(address, "Hồ sơ " + code + " đã được tiếp nhận");
        String raw = Stack.anonymous().get(Stack.MAIL + "/api/user/" + address + "/messages/INBOX").jsonPath()
                .getString("find { it.subject.contains('tiếp nhận') }.mimeMessage");
        return quotedPrintable(raw);
    }

    static String quotedPrintable(String text) {
        String joined = text.replace("=\r\n", "").replace("=\n", "");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && i + 2 < joined.length() && Character.digit(joined.charAt(i + 1), 16) >= 0
                    && Character.digit(joined.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anOrganisationIsAddressedByItsName() {
        String email = Journeys.mailbox("tochuc");
        Response receipt = receive("""
                {"fullName":"Lê Văn Cường","idNumber":"%s","phone":"0987654321","email":"%s",
                 "address":"5 Hùng Vương, Việt Trì, Phú Thọ","kind":"ORGANISATION",
                 "organisation":{"name":"Công ty TNHH Phú Thọ Xanh","taxCode":"2600123456"}}"""
                .formatted(Journeys.CITIZEN_ID, email));
        String code = receipt.path("code");
        Stack.as("counter1").get(Stack.INTAKE + "/api/dossiers/" + code).then().statusCode(200)
                .body("applicant.organisation.taxCode", equalTo("2600123456"));
        Journeys.pdf(Stack.as("counter1"), Stack.INTAKE + "/api/dossiers/" + code + "/receipt");
        String mail = receptionMail(email, code);
        assertTrue(mail.contains("Kính gửi Công ty TNHH Phú Thọ Xanh"), mail);
    }

    @Test
    void aRepresentativeIsAddressedAndFindsWhatTheySubmittedInMyDossiers() {
        String email = Journeys.mailbox("daidien");
        // citizen1 submits at the counter for their mother, with the authorisation recorded.
        Response receipt = receive("""
                {"fullName":"Phạm Văn Đại","idNumber":"%s","phone":"0912345678","email":"%s",
                 "address":"8 Quán Thánh, phường Ba Đình, Hà Nội","kind":"REPRESENTATIVE",
                 "represents":{"fullName":"Phạm Thị Mẹ","idNumber":"001160012345"},
                 "authorisation":{"number":"77/2026/UQ","date":"%s","issuedBy":"UBND phường Ba Đình chứng thực"}}"""
                .formatted(Journeys.CITIZEN_ID, email, Journeys.today()));
        String code = receipt.path("code");
        Stack.as("counter1").get(Stack.INTAKE + "/api/dossiers/" + code).then().statusCode(200)
                .body("applicant.kind", equalTo("REPRESENTATIVE"))
                .body("applicant.represents.fullName", equalTo("Phạm Thị Mẹ"))
                .body("applicant.authorisation.number", equalTo("77/2026/UQ"));
        Journeys.pdf(Stack.as("counter1"), Stack.INTAKE + "/api/dossiers/" + code + "/receipt");
        String mail = receptionMail(email, code);
        assertTrue(mail.contains("Kính gửi Phạm Văn Đại"), mail);
        await().atMost(Journeys.HOP).pollInterval(Journeys.POLL).untilAsserted(() -> Stack.as("citizen1")
                .queryParam("size", 500).get(Stack.RESULT + "/api/public/my-dossiers").then().statusCode(200)
                .body("items.code", org.hamcrest.Matchers.hasItem(code)));
    }
}
