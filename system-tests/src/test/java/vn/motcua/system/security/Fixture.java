package vn.motcua.system.security;

import vn.motcua.system.Newborn;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import vn.motcua.system.Stack;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;

/** Dossiers the security tests act on, made through the real services. */
final class Fixture {
    static final Duration HOP = Duration.ofSeconds(60);
    static final String PROCEDURE = "LT-KS-TT-BHYT";
    static final String UNIT = "000.00.31.H29";
    static final String JUSTICE = "TUPHAP-BADINH";
    static final String ITEM = "{\"name\":\"Giấy chứng sinh\",\"form\":\"ORIGINAL\",\"copies\":1}";

    /** The newborn dossier at counter1's counter; the applicant is citizen1 (so citizen1 may see it). */
    static final String NEWBORN = Newborn.atCounter("Phạm Thị Hoa", "001090012345", "0987000111",
            "hoa.pham@example.vn", "12 Phan Đình Phùng, Ba Đình, Hà Nội");

    /** citizen1's online submission to counter1's unit. */
    static final String SUBMISSION = Newborn.online("Nguyễn Văn An", "001090012345", "0912000222",
            "an.nguyen@example.vn", "20 Liễu Giai, Ba Đình, Hà Nội");

    record Received(String code, String pin) {
    }

    private Fixture() {
    }

    static Received receive() {
        Response receipt = Stack.as("counter1").contentType(ContentType.JSON).body(NEWBORN)
                .post(Stack.INTAKE + "/api/dossiers");
        receipt.then().statusCode(201);
        return new Received(receipt.path("code"), receipt.path("lookupPin"));
    }

    static String submit() {
        return Stack.as("citizen1").contentType(ContentType.JSON).body(SUBMISSION)
                .post(Stack.INTAKE + "/api/public/submissions").then().statusCode(201).extract().path("code");
    }

    /** A submission counter1 asked to supplement (it has Form 02). */
    static String supplementRequested() {
        String code = submit();
        Stack.as("counter1").contentType(ContentType.JSON)
                .body("{\"reason\":\"Giấy chứng sinh bị mờ\",\"items\":[" + ITEM + "]}")
                .post(Stack.INTAKE + "/api/dossiers/" + code + "/supplement-request").then().statusCode(200);
        return code;
    }

    /** A submission counter1 refused (it has Form 03). */
    static String refused() {
        String code = submit();
        Stack.as("counter1").contentType(ContentType.JSON).body("{\"reasons\":[\"Không thuộc thẩm quyền\"]}")
                .post(Stack.INTAKE + "/api/dossiers/" + code + "/refuse").then().statusCode(200);
        return code;
    }

    /** The id of the open task of the dossier in {@code user}'s agency queue, once it is there. */
    static String openTask(String user, String code) {
        String open = "items.find { it.status == 'ASSIGNED' || it.status == 'CLAIMED' }.id";
        await().atMost(HOP).untilAsserted(() -> Stack.as(user).queryParam("dossier", code)
                .get(Stack.ROUTING + "/api/tasks").then().statusCode(200).body(open, notNullValue()));
        return Stack.as(user).queryParam("dossier", code).get(Stack.ROUTING + "/api/tasks").path(open);
    }

    /** The id of a notification logged for the dossier. */
    static String notification(String code) {
        await().atMost(HOP).untilAsserted(() -> Stack.as("supervisor1").queryParam("dossier", code)
                .get(Stack.NOTIFICATION + "/api/notifications").then().statusCode(200)
                .body("items[0].id", notNullValue()));
        return Stack.as("supervisor1").queryParam("dossier", code).get(Stack.NOTIFICATION + "/api/notifications")
                .path("items[0].id");
    }
}
