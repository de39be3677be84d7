package vn.motcua.system;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.system.Journeys.JUSTICE;
import static vn.motcua.system.Journeys.POLICE;

/**
 * Work inside an agency (issue 24) on the real stack with real Keycloak tokens: tuphap-lead1 assigns a dossier
 * to tuphap2; tuphap1 cannot complete it; tuphap2 drafts, tuphap1 (reviewer) sends it back once, tuphap2 fixes
 * it, tuphap1 passes it and tuphap-lead1 signs: a document number is issued and the dossier moves on to the
 * police as a plain step. A delegation that ended yesterday does not let tuphap2 sign; one for today does
 * ("KT."); the head and the delegate signing at once never get the same number. The citizen's timeline and
 * Form 06 show the steps.
 */
class AgencyWorkIT {
    static final String RUN = Journeys.run();
    /** Justice drafts, reviews and signs; the police step stays plain. */
    static final String SIGNED = "TN-KYDUYET-" + RUN;
    static final List<String> DELEGATIONS = new ArrayList<>();

    @BeforeAll
    static void procedure() {
        Journeys.createProcedure(SIGNED, "Thử nghiệm: dự thảo, thẩm định, ký duyệt", 3, null,
                Journeys.single("""
                        {"stepId":"khai-sinh","agencyCode":"%s","name":"Đăng ký khai sinh","flow":"DRAFT_REVIEW_SIGN",
                         "share":{"value":2,"unit":"WORKING_DAYS"}}""".formatted(JUSTICE)),
                Journeys.single(Journeys.step("thuong-tru", POLICE, "Đăng ký thường trú", 1)));
    }

    @AfterAll
    static void revokeDelegations() {
        // The stack is shared with other tests: tuphap2 signs for the head no longer.
        DELEGATIONS.forEach(id -> Stack.as("tuphap-lead1").delete(Stack.ROUTING + "/api/delegations/" + id)
                .then().statusCode(200));
    }

    static Response post(String user, String task, String action, String body) {
        return Journeys.act(user, task, action, body);
    }

    /** A received dossier's justice task, seen by the head. */
    static String[] receive() {
        Response receipt = Journeys.receive("counter1", SIGNED, "COUNTER", Journeys.mailbox("kyduyet"));
        String code = receipt.path("code");
        return new String[] {code, receipt.path("lookupPin"), Journeys.taskOf("tuphap-lead1", code)};
    }

    static String grant(String delegate, LocalDate from, LocalDate to) {
        String id = Stack.as("tuphap-lead1").contentType(ContentType.JSON).body("""
                        {"delegate":"%s","from":"%s","to":"%s","scope":"SIGN","reason":"Trưởng phòng đi công tác"}"""
                        .formatted(delegate, from, to))
                .post(Stack.ROUTING + "/api/delegations").then().statusCode(201).body("id", notNullValue())
                .extract().path("id");
        DELEGATIONS.add(id);
        return id;
    }

    @Test
    void assignDraftSendBackFixPassSignAndTheCitizenAndForm06SeeIt() {
        String[] dossier = receive();
        String code = dossier[0];
        String pin = dossier[1];
        String task = dossier[2];

        Stack.as("tuphap-lead1").contentType(ContentType.JSON).body("{\"officer\":\"tuphap2\"}")
                .post(Stack.ROUTING + "/api/tasks/" + task + "/assign").then().statusCode(200)
                .body("claimedBy", equalTo("tuphap2"));
        // Another agency's head does not see it; an officer does not assign.
        Stack.as("congan-lead1").contentType(ContentType.JSON).body("{\"officer\":\"congan1\"}")
                .post(Stack.ROUTING + "/api/tasks/" + task + "/assign").then().statusCode(404);
        Stack.as("tuphap1").contentType(ContentType.JSON).body("{\"officer\":\"tuphap1\"}")
                .post(Stack.ROUTING + "/api/tasks/" + task + "/assign").then().statusCode(403);
        // tuphap1 cannot complete (nor take) a task assigned to tuphap2, and no longer sees it in the inbox.
        post("tuphap1", task, "complete", "{\"outcome\":\"APPROVED\",\"note\":\"Xong\"}").then().statusCode(409);
        assertFalse(Stack.as("tuphap1").queryParam("dossier", code).get(Stack.ROUTING + "/api/tasks")
                .jsonPath().getList("items.id").contains(task));
        Stack.as("tuphap-lead1").get(Stack.ROUTING + "/api/tasks/workload").then().statusCode(200)
                .body("items.officer", hasItem("tuphap2"));

        post("tuphap2", task, "draft", "{\"outcome\":\"APPROVED\",\"note\":\"Dự thảo giấy khai sinh\"}")
                .then().statusCode(200).body("phase", equalTo("IN_REVIEW"));
        post("tuphap1", task, "review", "{\"decision\":\"SEND_BACK\",\"reason\":\"Sai quê quán của mẹ\"}")
                .then().statusCode(200).body("phase", equalTo("DRAFTING"));
        post("tuphap-lead1", task, "sign", "").then().statusCode(409);
        post("tuphap2", task, "draft", "{\"outcome\":\"APPROVED\",\"note\":\"Đã sửa quê quán\"}")
                .then().statusCode(200).body("phase", equalTo("IN_REVIEW"));
        post("tuphap1", task, "review", "{\"decision\":\"PASS\"}").then().statusCode(200)
                .body("phase", equalTo("AWAITING_SIGNATURE"));
        LocalDate today = Journeys.today();
        String number = post("tuphap-lead1", task, "sign", "").then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("work.signedBy", equalTo("tuphap-lead1"))
                .body("work.documentDate", equalTo(today.toString()))
                .extract().path("work.documentNumber");
        assertTrue(number.matches("\\d+/" + today.getYear() + "/" + JUSTICE), number);

        // The head's report per officer: tuphap2 handled the justice step today, not late.
        Stack.as("tuphap-lead1").queryParam("from", today.toString()).queryParam("to", today.toString())
                .get(Stack.ROUTING + "/api/reports/officers").then().statusCode(200)
                .body("items.find { it.officer == 'tuphap2' && it.stepId == 'khai-sinh' }.completed",
                        org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("items.find { it.officer == 'tuphap2' && it.stepId == 'khai-sinh' }.late", equalTo(0));

        // The police step is plain, as before.
        Journeys.approve("congan1", code);

        JsonPath citizen = Journeys.citizenSees(code, pin, 9);
        List<String> notes = citizen.getList("timeline.note");
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("Đã dự thảo kết quả giải quyết tại ")), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("Dự thảo kết quả đã được thẩm định")), notes.toString());
        String date = today.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        assertTrue(notes.stream().anyMatch(n -> n.contains("đã ký duyệt, văn bản số " + number + " ngày " + date)),
                notes.toString());
        assertTrue(notes.stream().noneMatch(n -> n.contains("Sai quê quán")), notes.toString());

        Stack.as("tuphap1").get(Stack.ROUTING + "/api/dossiers/" + code + "/control-sheet").then().statusCode(200)
                .body("rows[0].activities.action", equalTo(List.of("ASSIGNED", "DRAFTED", "SENT_BACK", "DRAFTED",
                        "REVIEWED", "SIGNED")))
                .body("rows[0].activities.by", equalTo(List.of("tuphap-lead1", "tuphap2", "tuphap1", "tuphap2",
                        "tuphap1", "tuphap-lead1")))
                .body("rows[0].activities[5].note", equalTo("Văn bản số " + number));
        Journeys.pdf(Stack.as("tuphap1"), Stack.ROUTING + "/api/dossiers/" + code + "/control-sheet");
    }

    @Test
    void aDelegationEndedYesterdayDoesNotSignOneForTodaySignsKtAndConcurrentSignersNeverShareANumber()
            throws Exception {
        int count = 6;
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String task = receive()[2];
            Stack.as("tuphap-lead1").contentType(ContentType.JSON).body("{\"officer\":\"tuphap2\"}")
                    .post(Stack.ROUTING + "/api/tasks/" + task + "/assign").then().statusCode(200);
            post("tuphap2", task, "draft", "{\"outcome\":\"APPROVED\"}").then().statusCode(200);
            post("tuphap1", task, "review", "{\"decision\":\"PASS\"}").then().statusCode(200);
            tasks.add(task);
        }
        LocalDate today = Journeys.today();
        grant("tuphap2", today.minusDays(7), today.minusDays(1));
        post("tuphap2", tasks.get(0), "sign", "").then().statusCode(403)
                .body("type", equalTo("urn:motcua:problem:no-signing-authority"));

        grant("tuphap2", today, today);
        Stack.as("tuphap-lead1").get(Stack.ROUTING + "/api/delegations").then().statusCode(200)
                .body("items.find { it.id == '" + DELEGATIONS.get(1) + "' }.active", equalTo(true))
                .body("items.find { it.id == '" + DELEGATIONS.get(0) + "' }.active", equalTo(false));

        // The head and the delegate sign at once, three documents each.
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<JsonPath>> signed = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String task = tasks.get(i);
                String signer = i % 2 == 0 ? "tuphap-lead1" : "tuphap2";
                Stack.token(signer);
                signed.add(pool.submit(() -> {
                    start.await();
                    return post(signer, task, "sign", "").then().statusCode(200).extract().jsonPath();
                }));
            }
            start.countDown();
            Set<String> numbers = new HashSet<>();
            for (int i = 0; i < count; i++) {
                JsonPath view = signed.get(i).get();
                numbers.add(view.getString("work.documentNumber"));
                if (i % 2 == 1) {
                    assertEquals("KT.", view.getString("work.signature"));
                    assertEquals("tuphap-lead1", view.getString("work.signedFor"));
                }
            }
            assertEquals(count, numbers.size(), "a number was issued twice: " + numbers);
        } finally {
            pool.shutdownNow();
        }
        // Revoked, the delegation signs nothing more.
        Stack.as("tuphap-lead1").delete(Stack.ROUTING + "/api/delegations/" + DELEGATIONS.get(1)).then()
                .statusCode(200).body("revokedBy", equalTo("tuphap-lead1"));
        String task = receive()[2];
        Stack.as("tuphap-lead1").contentType(ContentType.JSON).body("{\"officer\":\"tuphap2\"}")
                .post(Stack.ROUTING + "/api/tasks/" + task + "/assign").then().statusCode(200);
        post("tuphap2", task, "draft", "{\"outcome\":\"APPROVED\"}").then().statusCode(200);
        post("tuphap1", task, "review", "{\"decision\":\"PASS\"}").then().statusCode(200);
        post("tuphap2", task, "sign", "").then().statusCode(403);
    }
}
