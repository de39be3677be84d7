package vn.motcua.system.security;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.motcua.system.Stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every endpoint of the four services × every kind of caller, against the real stack with real Keycloak
 * tokens: the expected outcome of each cell is in {@code security/authorization-matrix.csv}. The endpoint
 * list comes from each service's live {@code /q/openapi}, so an endpoint added later without a row fails
 * here, and so does a row whose endpoint is gone.
 *
 * <p>Callers: {@code none} (no token); {@code forged}, {@code tampered}, {@code alg-none}, {@code expired},
 * {@code malformed} (see {@link BadTokens}); {@code id-token} (admin1's real ID token: not an access token);
 * {@code other-client} (a real client-credentials token of another realm client, intake-service, without the
 * motcua-api audience); {@code citizen} = citizen1, the applicant of the dossier; {@code citizen2},
 * another citizen; {@code counter} = counter1, of the unit that received it; {@code counter2} = load01,
 * a counter officer of another unit; {@code agency} = tuphap1, of the agency whose task it is;
 * {@code agency2} = congan1, of an agency that never had a task of it; {@code supervisor1}; {@code admin1};
 * {@code lead} = tuphap-lead1, the head of the task's agency (agency-lead besides agency-officer, issue 24).
 *
 * <p>Path parameters are real: the dossier received for the test (in justice's queue), its task, its
 * notification, submissions with Form 02 and Form 03. Cells expected to pass authorisation get a harmless
 * request (a body that fails validation, an id that does not exist for the administrators' reference data)
 * so nothing shared changes; cells expected to be hidden (404) get a valid request, which must still not
 * reach the dossier. One exception: administrators' replay of result's read model runs for real (it has no
 * input that could fail first, and a 406 for an unproducible Accept comes before the role check, so it proves
 * nothing): it rebuilds the read model from Kafka while the services keep running, as it is designed to. Do
 * not run this test against a stack whose read model was seeded by SQL (the status benchmark's StatusSeeder).
 */
class AuthorizationMatrixIT {
    static final List<String> USERS = List.of("citizen:citizen1", "citizen2:citizen2", "counter:counter1",
            "counter2:load01", "agency:tuphap1", "agency2:congan1", "supervisor:supervisor1", "admin:admin1",
            "lead:tuphap-lead1");
    static final Map<String, String> SERVICES = Map.of("intake", Stack.INTAKE, "routing", Stack.ROUTING,
            "result", Stack.RESULT, "notification", Stack.NOTIFICATION);
    static final String LONG_1001 = "x".repeat(1001);
    /** The smallest file the upload takes for a PDF (its type is read from the bytes). */
    static final byte[] MINIMAL_PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    record Row(String service, String method, String path, Map<String, String> expected) {
        String key() {
            return service + " " + method + " " + path;
        }
    }

    static Fixture.Received dossier;
    static String supplementRequested;
    static String refused;
    static String task;
    static String notification;
    static final Map<String, String> TOKENS = new LinkedHashMap<>();

    @BeforeAll
    static void fixture() {
        // The short-lived token first: it expires while the dossier travels.
        String shortLived = BadTokens.provenShortLived("admin1", Stack.NOTIFICATION + "/api/notification-rules");
        dossier = Fixture.receive();
        supplementRequested = Fixture.supplementRequested();
        refused = Fixture.refused();
        task = Fixture.openTask("tuphap1", dossier.code());
        notification = Fixture.notification(dossier.code());
        Stack.awaitProjected(dossier.code());
        TOKENS.put("none", null);
        TOKENS.putAll(BadTokens.all(shortLived));
        TOKENS.put("id-token", Stack.idToken("admin1"));
        TOKENS.put("other-client", Stack.clientToken("intake-service", "intake-service-dev-secret"));
        for (String user : USERS) {
            String[] pair = user.split(":");
            TOKENS.put(pair[0], Stack.token(pair[1]));
        }
    }

    static List<Row> table() {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                AuthorizationMatrixIT.class.getResourceAsStream("/security/authorization-matrix.csv"), StandardCharsets.UTF_8))) {
            String[] header = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split(",");
                if (header == null) {
                    header = cells;
                    continue;
                }
                Map<String, String> expected = new LinkedHashMap<>();
                for (int i = 3; i < header.length; i++) {
                    expected.put(header[i], cells[i]);
                }
                rows.add(new Row(cells[0], cells[1], cells[2], expected));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /** Every operation the service's OpenAPI document lists, as "METHOD path". */
    @SuppressWarnings("unchecked")
    static Set<String> operations(String base) {
        Map<String, Object> paths = RestAssured.given().queryParam("format", "json").get(base + "/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        Set<String> operations = new TreeSet<>();
        paths.forEach((path, item) -> ((Map<String, Object>) item).keySet().stream()
                .filter(m -> Set.of("get", "post", "put", "delete", "patch").contains(m))
                .forEach(m -> operations.add(m.toUpperCase(Locale.ROOT) + " " + path)));
        return operations;
    }

    @Test
    void theTableCoversEveryEndpointOfEveryServiceAndNothingElse() {
        List<Row> rows = table();
        List<String> problems = new ArrayList<>();
        SERVICES.forEach((service, base) -> {
            Set<String> live = operations(base);
            Set<String> listed = new TreeSet<>();
            rows.stream().filter(r -> r.service().equals(service)).forEach(r -> listed.add(r.method() + " " + r.path()));
            live.stream().filter(op -> !listed.contains(op))
                    .forEach(op -> problems.add(service + ": no row in authorization-matrix.csv for " + op));
            listed.stream().filter(op -> !live.contains(op))
                    .forEach(op -> problems.add(service + ": row for " + op + ", which /q/openapi does not list"));
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertEquals(rows.size(), rows.stream().map(Row::key).distinct().count(), "one row per endpoint");
    }

    @Test
    void everyCallerGetsExactlyWhatTheDesignAllows() {
        List<String> mismatches = new ArrayList<>();
        int cells = 0;
        for (Row row : table()) {
            for (Map.Entry<String, String> cell : row.expected().entrySet()) {
                if (row.path().equals("/api/admin/read-model/replay") && "OK".equals(cell.getValue())) {
                    Stack.awaitProjected(dossier.code()); // what the replay will find in Kafka, projected first
                }
                cells++;
                String expected = cell.getValue();
                Response response = call(row, cell.getKey(), expected);
                String problem = check(expected, response);
                if (problem != null) {
                    mismatches.add(String.format("%-12s %-6s %-45s %-9s expected %-3s got %s%s", row.service(), row.method(),
                            row.path(), cell.getKey(), expected, response.statusCode(), problem.isEmpty() ? "" : " (" + problem + ")")
                            + " " + abbreviate(response.asString()));
                }
            }
        }
        System.out.printf("authorisation matrix: %d endpoints × %d callers = %d cells, %d mismatches%n",
                table().size(), TOKENS.size(), cells, mismatches.size());
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + " cells differ from authorization-matrix.csv:\n" + String.join("\n", mismatches));
        }
    }

    /** What is wrong with the answer to a cell, or null. */
    static String check(String expected, Response response) {
        int status = response.statusCode();
        if (status >= 500) {
            return "server error";
        }
        String type = String.valueOf(response.contentType());
        switch (expected) {
            case "OK":
                return status / 100 == 2 ? null : "";
            case "A":
                return status == 401 || status == 403 ? "" : null;
            case "401":
                if (status != 401) {
                    return "";
                }
                if (response.header("WWW-Authenticate") == null) {
                    return "no WWW-Authenticate";
                }
                return type.startsWith("application/problem+json")
                        && "urn:motcua:problem:unauthenticated".equals(response.jsonPath().getString("type"))
                        ? null : "not the unauthenticated problem: " + type;
            case "403":
            case "404":
                if (status != Integer.parseInt(expected)) {
                    return "";
                }
                return type.startsWith("application/problem+json") ? null : "not problem+json: " + type;
            default:
                throw new IllegalArgumentException("unknown expectation " + expected);
        }
    }

    static Response call(Row row, String caller, String expected) {
        RequestSpecification request = RestAssured.given().redirects().follow(false)
                .header("Accept", "application/json, application/pdf;q=0.9, */*;q=0.5");
        String token = TOKENS.get(caller);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        String path = concrete(row);
        queries(row).forEach(request::queryParam);
        if (row.path().equals("/api/dossiers/{code}/files") && row.method().equals("POST")) {
            // multipart: a one-page PDF for the unit's first document (valid, so a hidden dossier's 404 is the hiding)
            request.multiPart("file", "to-khai.pdf", MINIMAL_PDF, "application/pdf").multiPart("component", "0");
        } else if (row.method().equals("POST") || row.method().equals("PUT")) {
            String body = "404".equals(expected) ? validBody(row) : harmlessBody(row);
            if (body != null) {
                request.contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        return request.request(row.method(), SERVICES.get(row.service()) + path);
    }

    static String concrete(Row row) {
        String path = row.path();
        String code = dossier.code();
        if (path.equals("/api/dossiers/{code}/supplement-request") && row.method().equals("GET")) {
            code = supplementRequested;
        } else if (path.equals("/api/dossiers/{code}/refusal")) {
            code = refused;
        } else if (path.startsWith("/api/procedures/")) {
            code = row.method().equals("GET") ? Fixture.PROCEDURE : "SEC-KHONG-CO";
        } else if (path.startsWith("/api/agencies/")) {
            code = row.method().equals("GET") ? Fixture.JUSTICE : "SEC-KHONG-CO";
        } else if (path.startsWith("/api/units/")) {
            code = row.method().equals("GET") ? Fixture.UNIT : "999.99.99.H99";
        }
        String id = UUID.randomUUID().toString();
        if (path.startsWith("/api/tasks/")) {
            id = task;
        } else if (path.equals("/api/notifications/{id}")) {
            id = notification;
        }
        return path.replace("{code}", code).replace("{id}", id).replace("{year}", "2099").replace("{commune}", "00007");
    }

    static Map<String, String> queries(Row row) {
        String today = LocalDate.now(ZoneOffset.ofHours(7)).toString();
        return switch (row.path()) {
            case "/api/calendar/holidays" -> Map.of("year", "2026");
            case "/api/calendar/deadline" -> Map.of("from", "2026-03-02T08:00:00+07:00", "workingDays", "3");
            case "/api/reports/progress", "/api/reports/officers" -> Map.of("from", today, "to", today);
            // a day before any dossier: the log book of a busy stack's today may pass its 2,000-entry limit (a 400)
            case "/api/reports/log-book" -> Map.of("from", "2025-01-02", "to", "2025-01-02");
            case "/api/public/dossiers/{code}", "/api/public/dossiers/{code}/rating",
                 "/api/public/open311/requests/{code}" -> Map.of("pin", dossier.pin());
            case "/api/tasks", "/api/notifications" -> Map.of("dossier", dossier.code());
            default -> Map.of();
        };
    }

    /** A body that passes authorisation but changes nothing: it fails validation, or the target is absent. */
    static String harmlessBody(Row row) {
        return switch (row.path()) {
            case "/api/dossiers/{code}/accept", "/api/tasks/{id}/claim", "/api/catalogue/announce",
                 "/api/admin/read-model/replay", "/api/notifications/{id}/resend", "/api/tasks/{id}/sign" -> null;
            case "/api/dossiers/{code}/withdraw", "/api/public/submissions/{code}/withdraw" ->
                    "{\"reason\":\"" + LONG_1001 + "\"}";
            case "/api/tasks/{id}/financial-obligation/payment" -> "{\"paymentReference\":\"" + LONG_1001 + "\"}";
            default -> "{}";
        };
    }

    /** A valid body, for callers from whom the dossier or task is hidden: it must not reach it. */
    static String validBody(Row row) {
        String items = "{\"items\":[" + Fixture.ITEM + "]}";
        return switch (row.path()) {
            case "/api/dossiers/{code}/accept", "/api/tasks/{id}/claim", "/api/tasks/{id}/sign" -> null;
            case "/api/tasks/{id}/assign" -> "{\"officer\":\"congan1\"}";
            case "/api/tasks/{id}/draft" -> "{\"outcome\":\"APPROVED\",\"note\":\"Thử phân quyền\"}";
            case "/api/tasks/{id}/review" -> "{\"decision\":\"PASS\"}";
            case "/api/dossiers/{code}/refuse" -> "{\"reasons\":[\"Thử phân quyền\"]}";
            case "/api/dossiers/{code}/supplement-request" ->
                    "{\"reason\":\"Thử phân quyền\",\"items\":[" + Fixture.ITEM + "]}";
            case "/api/dossiers/{code}/supplements", "/api/public/submissions/{code}/supplements",
                 "/api/tasks/{id}/supplement-request" -> items;
            case "/api/dossiers/{code}/withdraw", "/api/public/submissions/{code}/withdraw",
                 "/api/tasks/{id}/return", "/api/tasks/{id}/stop" -> "{\"reason\":\"Thử phân quyền\"}";
            case "/api/tasks/{id}/complete" -> "{\"outcome\":\"APPROVED\",\"note\":\"Thử phân quyền\"}";
            case "/api/tasks/{id}/transfer" -> "{\"toAgency\":\"CONGAN-BADINH\",\"reason\":\"Thử phân quyền\"}";
            case "/api/tasks/{id}/financial-obligation" -> "{\"amountVnd\":50000,\"description\":\"Lệ phí\"}";
            case "/api/tasks/{id}/financial-obligation/payment" -> "{\"paymentReference\":\"BL-1\"}";
            case "/api/dossiers/{code}/extension" ->
                    "{\"newDueAt\":\"2030-01-07T17:00:00+07:00\",\"reason\":\"Thử phân quyền\",\"signedBy\":\"Thử phân quyền\"}";
            case "/api/dossiers/{code}/return" -> "{\"channel\":\"COUNTER\",\"receivedBy\":\"Thử phân quyền\"}";
            default -> throw new IllegalStateException("no valid body for the hidden cells of " + row.key());
        };
    }

    static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }

    @Test
    void agencyOfficersNeverSeeAnotherAgencysTasks() {
        String code = dossier.code();
        // Same agency: both justice officers see the task; other agencies see nothing of it, listed or by id.
        Stack.as("tuphap2").queryParam("dossier", code).get(Stack.ROUTING + "/api/tasks").then().statusCode(200)
                .body("items.id", hasItem(task));
        for (String other : List.of("congan1", "bhxh1")) {
            Stack.as(other).queryParam("dossier", code).get(Stack.ROUTING + "/api/tasks").then().statusCode(200)
                    .body("total", equalTo(0));
            // A filter the API does not have must not widen the inbox either.
            Stack.as(other).queryParam("agency", Fixture.JUSTICE).queryParam("size", 500).get(Stack.ROUTING + "/api/tasks")
                    .then().statusCode(200).body("items.id", not(hasItem(task)))
                    .body("items.agency", everyItem(not(equalTo(Fixture.JUSTICE))));
            Stack.as(other).get(Stack.ROUTING + "/api/tasks/" + task).then().statusCode(404);
            Stack.as(other).get(Stack.ROUTING + "/api/dossiers/" + code + "/control-sheet").then().statusCode(404);
        }
        // Each officer's whole inbox holds their own agency's tasks only.
        Map<String, String> agencies = Map.of("tuphap1", Fixture.JUSTICE, "congan1", "CONGAN-BADINH", "bhxh1", "BHXH-KV1");
        agencies.forEach((user, agency) -> Stack.as(user).queryParam("size", 500).get(Stack.ROUTING + "/api/tasks")
                .then().statusCode(200).body("items.agency", everyItem(equalTo(agency))));
    }
}
