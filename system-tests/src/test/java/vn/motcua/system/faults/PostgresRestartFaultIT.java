package vn.motcua.system.faults;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.system.Stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL crashes (pg_ctl stop -m immediate) while dossiers are received, and comes back: while it is
 * down every service answers clear 503 problem details (never a 500); afterwards no dossier is half
 * written — each one answered 201 is complete in every service, and none exists that was not answered
 * 201 — and the services recover without a restart. Short: 10 s down; long ({@code -Dfaults.long=true}): 60 s.
 */
@Tag("faults")
class PostgresRestartFaultIT {
    @AfterEach
    void restore() {
        FaultRun.restoreStack();
    }

    @Test
    void whilePostgresIsDownServicesAnswer503AndAfterItNothingIsHalfWritten() throws Exception {
        FaultRun run = new FaultRun("postgres");
        int outage = FaultRun.setting("postgres.seconds", 10, 60);
        int rate = FaultRun.setting("postgres.rate", 6, 10);
        int dossiers = FaultRun.setting("postgres.dossiers", (outage + 15) * rate, (outage + 60) * rate);
        String mode = System.getProperty("faults.postgres.mode", "kill9"); // kill9 (immediate) or stop (fast)
        run.baseline();
        String code = run.baseline.get(0);
        Map<String, String> pids = new TreeMap<>();
        StackControl.SERVICES.forEach(s -> pids.put(s, StackControl.pid(s)));

        DossierLoad load = new DossierLoad(run.runId, dossiers, 8, rate).start();
        load.awaitCreated(5 * rate, Duration.ofMinutes(2));
        long down = System.currentTimeMillis();
        if (mode.equals("stop")) {
            StackControl.stop("postgres");
        } else {
            StackControl.kill9("postgres");
        }
        // Each service, on a read and (intake) a write: 503 problem details while the database is down.
        Map<String, Supplier<Response>> probes = new TreeMap<>(Map.of(
                "intake GET /api/dossiers/{code}", () -> Stack.as("load01").get(Stack.INTAKE + "/api/dossiers/" + code),
                "routing GET /api/tasks", () -> Stack.as("tuphap1").get(Stack.ROUTING + "/api/tasks"),
                "result GET /api/public/my-dossiers", () -> Stack.as("citizen1").get(Stack.RESULT + "/api/public/my-dossiers"),
                "notification GET /api/notifications", () -> Stack.as("supervisor1").queryParam("dossier", code)
                        .get(Stack.NOTIFICATION + "/api/notifications")));
        List<String> answers = new ArrayList<>();
        long probeUntil = down + outage * 1000L;
        do {
            probes.forEach((what, probe) -> {
                Response response = probe.get();
                answers.add(what + " → " + response.statusCode() + " " + response.contentType());
                assertEquals(503, response.statusCode(), what + " while PostgreSQL is down: " + response.asString());
                assertTrue(response.contentType().startsWith("application/problem+json"), what + ": " + response.contentType());
            });
            Thread.sleep(2000);
        } while (System.currentTimeMillis() < probeUntil);
        long refusedDuringOutage = load.count(503);
        long restarting = System.currentTimeMillis();
        StackControl.start("postgres");
        long back = System.currentTimeMillis();
        int atRestart = load.createdCount();
        load.awaitCreated(atRestart + 1, Duration.ofMinutes(2));
        long firstCreated = System.currentTimeMillis();
        load.awaitDone(Duration.ofMinutes(30));
        System.out.printf("[postgres] down %.1f s (%s); %d receptions answered 503 problem details meanwhile, %d probes of"
                        + " the four services all 503; PostgreSQL back in %.1f s, first 201 %.1f s after that%n",
                (restarting - down) / 1000.0, mode, refusedDuringOutage, answers.size(), (back - restarting) / 1000.0,
                (firstCreated - back) / 1000.0);

        assertTrue(refusedDuringOutage > 0, "receptions during the outage were refused with 503");
        assertEquals(0, load.count(500), "no 500 answers");
        assertEquals(0, load.count(-1), "every request was answered");
        run.reconcile(load, Duration.ofMinutes(FaultRun.LONG ? 20 : 4));
        Map<String, String> after = new TreeMap<>();
        StackControl.SERVICES.forEach(s -> after.put(s, StackControl.pid(s)));
        assertEquals(pids, after, "no service was restarted");
        probes.forEach((what, probe) -> assertEquals(200, probe.get().statusCode(), what + " after the restart"));
    }
}
