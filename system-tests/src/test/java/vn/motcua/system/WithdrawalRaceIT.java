package vn.motcua.system;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.system.Journeys.JUSTICE;
import static vn.motcua.system.Journeys.POLICE;

/**
 * Issue 17, finding 2: the applicant's withdrawal at the counter (intake) and an agency's action on the same
 * dossier (routing) sent at the same moment, {@code race.count} times (default 100). Whatever each service
 * answered, the three must end in one state (docs/ORDERING.md): intake's dossier, routing's dossier and the
 * citizen's lookup (result). A withdrawal intake accepted is final everywhere; one it refused (409: it had
 * already seen the dossier processed) leaves the action's outcome everywhere. Three kinds of race, in turn:
 * completing the only step (the withdrawal meets PROCESSED), completing the first of two steps (it meets a
 * task just assigned to the police), and an agency's request for supplement (it meets status 5).
 */
class WithdrawalRaceIT {
    static final String RUN = Journeys.run();
    static final String ONE = "TN-RUT-MOT-" + RUN;
    static final String TWO = "TN-RUT-HAI-" + RUN;
    static final int RACES = Integer.getInteger("race.count", 100);

    @BeforeAll
    static void procedures() {
        Journeys.createProcedure(ONE, "Thử nghiệm: rút hồ sơ, một bước", 3, null,
                Journeys.single(Journeys.step("giai-quyet", JUSTICE, "Giải quyết", 3)));
        Journeys.createProcedure(TWO, "Thử nghiệm: rút hồ sơ, hai bước", 4, null,
                Journeys.single(Journeys.step("xac-minh", JUSTICE, "Xác minh", 2)),
                Journeys.single(Journeys.step("cu-tru", POLICE, "Đăng ký cư trú", 2)));
    }

    record Race(String code, String pin, String kind, String task) {
    }

    @Test
    void aWithdrawalRacingAnAgencysActionEndsInOneStateInEveryService() throws Exception {
        List<Race> races = new ArrayList<>();
        for (int i = 0; i < RACES; i++) {
            String kind = switch (i % 3) {
                case 0 -> "complete-last";
                case 1 -> "complete-first";
                default -> "supplement";
            };
            Response receipt = Journeys.receive("counter1", kind.equals("complete-last") ? ONE : TWO, "COUNTER",
                    Journeys.mailbox("rut" + i));
            races.add(new Race(receipt.path("code"), receipt.path("lookupPin"), kind, null));
        }
        // every dossier waits in the justice office's inbox, claimed by tuphap1
        List<Race> claimed = new ArrayList<>();
        for (Race race : races) {
            String task = Journeys.taskOf("tuphap1", race.code());
            Journeys.act("tuphap1", task, "claim", "{}").then().statusCode(200);
            claimed.add(new Race(race.code(), race.pin(), race.kind(), task));
        }

        Map<String, String> answers = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (Race race : claimed) {
                CyclicBarrier start = new CyclicBarrier(2);
                CompletableFuture<Integer> withdrawal = CompletableFuture.supplyAsync(atOnce(start, () ->
                        Stack.as("counter1").contentType(ContentType.JSON).body("{\"reason\":\"Không còn nhu cầu\"}")
                                .post(Stack.INTAKE + "/api/dossiers/" + race.code() + "/withdraw").statusCode()), pool);
                CompletableFuture<Integer> action = CompletableFuture.supplyAsync(atOnce(start, () -> (race.kind()
                        .equals("supplement")
                        ? Journeys.act("tuphap1", race.task(), "supplement-request", "{\"items\":[{\"name\":"
                                + "\"Giấy tờ chứng minh\",\"form\":\"ORIGINAL\",\"copies\":1}],\"note\":\"Bản sao mờ\"}")
                        : Journeys.act("tuphap1", race.task(), "complete",
                                "{\"outcome\":\"APPROVED\",\"note\":\"Đã giải quyết\"}")).statusCode()), pool);
                int w = withdrawal.get();
                int a = action.get();
                assertTrue(w == 200 || w == 409, race + ": withdrawal answered " + w);
                assertTrue(a == 200 || a == 409, race + ": action answered " + a);
                answers.put(race.code(), w + "/" + a);
            }
        } finally {
            pool.shutdownNow();
        }

        Map<String, Integer> outcomes = new LinkedHashMap<>();
        for (Race race : claimed) {
            boolean withdrawn = answers.get(race.code()).startsWith("200");
            // a refused withdrawal happens only when intake had already seen the only step decided
            int expected = withdrawn ? 7 : 9;
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
                int intake = nationalCode(Stack.as("counter1").get(Stack.INTAKE + "/api/dossiers/" + race.code()));
                int routing = nationalCode(Stack.as("supervisor1").get(Stack.ROUTING + "/api/dossiers/" + race.code()));
                int result = nationalCode(Stack.anonymous().queryParam("pin", race.pin())
                        .get(Stack.RESULT + "/api/public/dossiers/" + race.code()));
                assertEquals(List.of(expected, expected, expected), List.of(intake, routing, result),
                        race + " answered " + answers.get(race.code()) + ": intake, routing, result");
            });
            if (withdrawn) {
                List<String> timeline = Journeys.lookup(race.code(), race.pin()).getList("timeline.status");
                assertEquals("Công dân xin rút", timeline.get(timeline.size() - 1),
                        race + ": nothing follows the withdrawal in the citizen's timeline " + timeline);
            }
            outcomes.merge(race.kind() + " " + answers.get(race.code()), 1, Integer::sum);
        }
        System.out.printf("WithdrawalRaceIT: %d races, answers (withdrawal/action) by kind: %s%n", RACES, outcomes);
    }

    private static int nationalCode(Response response) {
        response.then().statusCode(200);
        return response.path("nationalStatusCode");
    }

    private static <T> Supplier<T> atOnce(CyclicBarrier start, Supplier<T> request) {
        return () -> {
            try {
                start.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return request.get();
        };
    }
}
