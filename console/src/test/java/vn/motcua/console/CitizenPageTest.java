package vn.motcua.console;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * Rendering and error mapping of the console, with result's public API answered by a stub on the OIDC test
 * server's WireMock (the real services are exercised by system-tests' ConsoleJourneyIT in a browser).
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class CitizenPageTest {
    /** The services' stubs live under keycloak.url (the OIDC test server's WireMock, path /auth). */
    private static final String STUB = "/auth/stub";

    @OidcWireMock
    WireMockServer wireMock;

    private static final String RETURNED = """
            {"code":"000.00.31.H29-261204-0007","status":"Đã trả kết quả","nationalStatusCode":10,"state":"RESULT_RETURNED",
             "procedureName":"Liên thông thủ tục đăng ký khai sinh","appointmentAt":"2026-12-09T17:00:00+07:00",
             "currentAgency":null,"currentAgencyName":null,"paused":false,"onTime":true,
             "timeline":[{"at":"2026-12-04T09:15:00+07:00","status":"Được tiếp nhận","agency":null,"note":"Hồ sơ đã được tiếp nhận"},
                         {"at":"2026-12-08T10:00:00+07:00","status":"Đã trả kết quả","agency":null,"note":"Đã trả kết quả"}]}""";

    @Test
    void theEmptyPageAsksForTheCodeAndThePinWithLabelledFields() {
        given().get("/tra-cuu").then().statusCode(200)
                .body(allOf(containsString("<label for=\"code\">Mã hồ sơ</label>"),
                        containsString("<label for=\"pin\">Mã tra cứu (6 chữ số)</label>"),
                        containsString("name=\"viewport\""), not(containsString("Đăng xuất"))));
    }

    @Test
    void aReturnedDossierShowsItsStatusTimelineVerdictAndTheRatingForm() {
        wireMock.stubFor(get(urlPathEqualTo(STUB + "/result/api/public/dossiers/000.00.31.H29-261204-0007"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(RETURNED)));
        given().queryParam("code", "000.00.31.H29-261204-0007").queryParam("pin", "123456").get("/tra-cuu")
                .then().statusCode(200)
                .body(allOf(containsString("value=\"000.00.31.H29-261204-0007\""), containsString("value=\"123456\""),
                        containsString("Đã trả kết quả"), containsString("17:00 09/12/2026"), containsString("Đúng hạn"),
                        containsString("09:15 04/12/2026"), containsString("Đánh giá mức độ hài lòng")));
    }

    @Test
    void theReceiptsSignedTokenIsCheckedByIntakeAndTheVerdictShown() {
        wireMock.stubFor(get(urlPathEqualTo(STUB + "/result/api/public/dossiers/000.00.31.H29-261204-0007"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(RETURNED)));
        wireMock.stubFor(get(urlPathEqualTo(STUB + "/intake/api/public/receipts/verify"))
                .withQueryParam("token", equalTo("good.token.sig"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"code":"000.00.31.H29-261204-0007","unit":"000.00.31.H29",
                         "receivedAt":"2026-12-04T09:15:00+07:00","appointmentAt":"2026-12-09T17:00:00+07:00",
                         "keyId":"0123456789abcdef"}""")));
        wireMock.stubFor(get(urlPathEqualTo(STUB + "/intake/api/public/receipts/verify"))
                .withQueryParam("token", equalTo("bad.token.sig"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"urn:motcua:problem:invalid-receipt-token\",\"status\":400}")));
        given().queryParam("code", "000.00.31.H29-261204-0007").queryParam("pin", "123456")
                .queryParam("t", "good.token.sig").get("/tra-cuu").then().statusCode(200)
                .body(allOf(containsString("Giấy tiếp nhận hợp lệ"), containsString("09:15 04/12/2026"),
                        not(containsString("không hợp lệ"))));
        given().queryParam("code", "000.00.31.H29-261204-0007").queryParam("pin", "123456")
                .queryParam("t", "bad.token.sig").get("/tra-cuu").then().statusCode(200)
                .body(allOf(containsString("Mã xác thực trên giấy tiếp nhận không hợp lệ"), containsString("Đã trả kết quả")));
        // a genuine token of another dossier does not vouch for this one
        given().queryParam("code", "000.00.31.H29-261204-0099").queryParam("pin", "123456")
                .queryParam("t", "good.token.sig").get("/tra-cuu").then()
                .body(containsString("Mã xác thực trên giấy tiếp nhận không hợp lệ"));
        given().queryParam("code", "000.00.31.H29-261204-0007").queryParam("pin", "123456").get("/tra-cuu").then()
                .statusCode(200).body(allOf(not(containsString("Giấy tiếp nhận hợp lệ")), not(containsString("Mã xác thực"))));
    }

    @Test
    void theConsoleNamesTheCitizensOwnAddressToResultNeverOneTheCitizenWrote() {
        wireMock.stubFor(get(urlPathEqualTo(STUB + "/result/api/public/dossiers/000.00.31.H29-261204-0008"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(RETURNED)));
        given().header("X-Forwarded-For", "6.6.6.6").queryParam("code", "000.00.31.H29-261204-0008")
                .queryParam("pin", "123456").get("/tra-cuu").then().statusCode(200);
        wireMock.verify(getRequestedFor(urlPathEqualTo(STUB + "/result/api/public/dossiers/000.00.31.H29-261204-0008"))
                .withHeader("X-Forwarded-For", matching("127\\.0\\.0\\.1|0:0:0:0:0:0:0:1")));
        wireMock.verify(0, getRequestedFor(urlPathEqualTo(STUB + "/result/api/public/dossiers/000.00.31.H29-261204-0008"))
                .withHeader("X-Forwarded-For", containing("6.6.6.6")));
    }

    @Test
    void aMissIsASentenceNeverTheProblemJson() {
        wireMock.stubFor(get(urlPathEqualTo(STUB + "/result/api/public/dossiers/UNKNOWN-1"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"urn:motcua:problem:not-found\",\"title\":\"Not Found\",\"status\":404}")));
        given().queryParam("code", "UNKNOWN-1").queryParam("pin", "000000").get("/tra-cuu")
                .then().statusCode(404)
                .body(allOf(containsString("Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu này"),
                        not(containsString("urn:motcua")), not(containsString("{\""))));
    }

    @Test
    void tooManyMissesSayWhenToTryAgain() {
        wireMock.stubFor(get(urlPathEqualTo(STUB + "/result/api/public/dossiers/BLOCKED-1"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"urn:motcua:problem:too-many-misses\",\"status\":429}")));
        given().queryParam("code", "BLOCKED-1").queryParam("pin", "000000").get("/tra-cuu")
                .then().statusCode(429).body(containsString("thử lại sau 2 phút"));
    }

    @Test
    void aSecondRatingIsASentenceAndTheStatusStaysOnThePage() {
        wireMock.stubFor(get(urlPathEqualTo(STUB + "/result/api/public/dossiers/000.00.31.H29-261204-0007"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(RETURNED)));
        wireMock.stubFor(post(urlPathEqualTo(STUB + "/result/api/public/dossiers/000.00.31.H29-261204-0007/rating"))
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"urn:motcua:problem:already-rated\",\"status\":409}")));
        given().formParam("code", "000.00.31.H29-261204-0007").formParam("pin", "123456").formParam("overall", "SATISFIED")
                .post("/tra-cuu/danh-gia")
                .then().statusCode(409)
                .body(allOf(containsString("Hồ sơ này đã được đánh giá"), containsString("Quá trình giải quyết")));
    }

    @Test
    void aServiceThatDoesNotAnswerIsASentence() {
        wireMock.stubFor(get(urlPathEqualTo(STUB + "/result/api/public/dossiers/BROKEN-1"))
                .willReturn(aResponse().withStatus(500).withBody("java.lang.NullPointerException at ...")));
        given().queryParam("code", "BROKEN-1").queryParam("pin", "000000").get("/tra-cuu")
                .then().statusCode(500)
                .body(allOf(containsString("Hệ thống gặp sự cố"), not(containsString("NullPointerException"))));
    }

    @Test
    void officersPagesSendToSignIn() {
        for (String path : new String[] {"/", "/quay", "/xu-ly/viec/1", "/giam-sat", "/quan-tri/lich"}) {
            given().redirects().follow(false).get(path).then().statusCode(302)
                    .header("Location", containsString("/realms/quarkus"));
        }
        given().get("/static/console.css").then().statusCode(200).contentType(startsWith("text/css"));
    }
}
