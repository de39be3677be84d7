package vn.motcua.system;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

/**
 * Online submissions through the real stack with real Keycloak tokens: citizen1 submits, counter1 asks
 * for a supplement, the citizen supplies, counter1 accepts → routing queues the first task and the
 * citizen's lookup follows every step; a second submission is refused (Form 03) and a third withdrawn.
 */
class OnlineSubmissionIT {
    static final Duration HOP = Duration.ofSeconds(30);

    static String submission(boolean complete) {
        return """
                {"procedureCode":"LT-KS-TT-BHYT","unitCode":"000.00.31.H29",
                 "applicant":{"fullName":"Lê Văn Cường","idNumber":"001090012345","phone":"0912000111",
                              "email":"cuong.le@example.vn","address":"20 Liễu Giai, Ba Đình, Hà Nội"},
                 "documents":[{"name":"Tờ khai đăng ký khai sinh","form":"ORIGINAL","copies":1},
                              %s
                              {"name":"Tờ khai thay đổi thông tin cư trú","form":"ORIGINAL","copies":1},
                              {"name":"Tờ khai tham gia bảo hiểm y tế","form":"ORIGINAL","copies":1}]}"""
                .formatted(complete ? "{\"name\":\"Giấy chứng sinh\",\"form\":\"ORIGINAL\",\"copies\":1}," : "");
    }

    static Response submit(boolean complete) {
        return Stack.as("citizen1").contentType(ContentType.JSON).body(submission(complete))
                .post(Stack.INTAKE + "/api/public/submissions");
    }

    static void citizenSees(String code, String pin, String status) {
        Stack.awaitProjected(code);
        await().atMost(HOP).untilAsserted(() -> Stack.anonymous().queryParam("pin", pin)
                .get(Stack.RESULT + "/api/public/dossiers/" + code).then().statusCode(200)
                .body("state", equalTo(status)));
    }

    @Test
    void aSubmissionIsCheckedSupplementedAcceptedAndRouted() {
        Response submitted = submit(false);
        submitted.then().statusCode(201).body("status", equalTo("SUBMITTED"))
                .body("lookupPin", matchesPattern("[0-9]{6}"));
        String code = submitted.path("code");
        String pin = submitted.path("lookupPin");
        citizenSees(code, pin, "SUBMITTED");
        Stack.as("citizen1").get(Stack.INTAKE + "/api/public/submissions").then().statusCode(200)
                .body("items.code", hasItem(code));

        // The officer's check: incomplete → one written request (Form 02).
        Stack.as("counter1").post(Stack.INTAKE + "/api/dossiers/" + code + "/accept").then().statusCode(422)
                .body("type", containsString("incomplete-dossier"));
        Stack.as("counter1").contentType(ContentType.JSON).body("""
                        {"reason":"Thiếu giấy chứng sinh","items":[{"name":"Giấy chứng sinh","form":"ORIGINAL","copies":1}]}""")
                .post(Stack.INTAKE + "/api/dossiers/" + code + "/supplement-request").then().statusCode(200)
                .body("status", equalTo("SUBMISSION_SUPPLEMENT_REQUESTED"));
        Stack.as("citizen1").contentType(ContentType.JSON).body("""
                        {"items":[{"name":"Giấy chứng sinh","form":"ORIGINAL","copies":1}]}""")
                .post(Stack.INTAKE + "/api/public/submissions/" + code + "/supplements").then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));

        Stack.as("counter1").post(Stack.INTAKE + "/api/dossiers/" + code + "/accept").then().statusCode(200)
                .body("status", equalTo("RECEIVED"));
        await().atMost(HOP).untilAsserted(() -> Stack.as("tuphap1").queryParam("dossier", code)
                .get(Stack.ROUTING + "/api/tasks").then().statusCode(200).body("total", equalTo(1)));
        // The PIN given at submission still opens the lookup once received (it is not re-issued).
        await().atMost(HOP).untilAsserted(() -> Stack.anonymous().queryParam("pin", pin)
                .get(Stack.RESULT + "/api/public/dossiers/" + code).then().statusCode(200)
                .body("nationalStatusCode", org.hamcrest.Matchers.oneOf(2, 4)));
        // intake follows routing: once routed, the counter sees it in process.
        await().atMost(HOP).untilAsserted(() -> Stack.as("counter1").get(Stack.INTAKE + "/api/dossiers/" + code)
                .then().statusCode(200).body("status", equalTo("IN_PROCESS")));
    }

    @Test
    void aSubmissionIsRefusedWithReasonsAndAnotherWithdrawnByTheCitizen() {
        Response first = submit(true);
        String refused = first.then().statusCode(201).extract().path("code");
        Stack.as("counter1").contentType(ContentType.JSON).body("""
                        {"reasons":["Người nộp không cư trú trên địa bàn phường Ba Đình"]}""")
                .post(Stack.INTAKE + "/api/dossiers/" + refused + "/refuse").then().statusCode(200)
                .body("status", equalTo("REFUSED")).body("nationalStatusCode", equalTo(3));
        Stack.as("counter1").post(Stack.INTAKE + "/api/dossiers/" + refused + "/accept").then().statusCode(409);
        // Refused at the check: Form 03 with its reasons, the citizen's lookup shows status 3, the applicant
        // gets the refusal by e-mail, and no agency ever sees it.
        Journeys.pdf(Stack.as("counter1"), Stack.INTAKE + "/api/dossiers/" + refused + "/refusal");
        citizenSees(refused, first.path("lookupPin"), "REFUSED");
        Journeys.citizenSees(refused, first.path("lookupPin"), 3);
        Journeys.mailArrives("cuong.le@example.vn", "Hồ sơ " + refused + ": phiếu từ chối tiếp nhận giải quyết hồ sơ");
        Stack.as("tuphap1").queryParam("dossier", refused).get(Stack.ROUTING + "/api/tasks").then().statusCode(200)
                .body("total", equalTo(0));

        Response second = submit(true);
        String withdrawn = second.path("code");
        Stack.as("citizen1").contentType(ContentType.JSON).body("{\"reason\":\"Nộp nhầm\"}")
                .post(Stack.INTAKE + "/api/public/submissions/" + withdrawn + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        citizenSees(withdrawn, second.path("lookupPin"), "WITHDRAWN");
        // Counter officers cannot submit as citizens, citizens cannot receive at the counter.
        Stack.as("counter1").contentType(ContentType.JSON).body(submission(true))
                .post(Stack.INTAKE + "/api/public/submissions").then().statusCode(403);
        Stack.as("citizen1").contentType(ContentType.JSON).body(WalkingSkeletonIT.NEWBORN)
                .post(Stack.INTAKE + "/api/dossiers").then().statusCode(403);
    }
}
