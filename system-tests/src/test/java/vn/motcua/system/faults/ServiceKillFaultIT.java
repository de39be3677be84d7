package vn.motcua.system.faults;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * kill -9 each service in turn while counter officers of 50 units receive dossiers, then restart it:
 * every dossier reaches the state a dossier reaches when nothing fails, with each event applied once.
 * Short: 240 dossiers at 2/s; long ({@code -Dfaults.long=true}): 10,000 at 40/s.
 */
@Tag("faults")
class ServiceKillFaultIT {
    @AfterEach
    void restore() {
        FaultRun.restoreStack();
    }

    @Test
    void killNineEachServiceInTurnDuringALoadLosesAndDoublesNothing() throws Exception {
        FaultRun run = new FaultRun("kill9");
        // A restart takes ~20 s on the shared 2-core machine: the short load (2 minutes) outlasts all four.
        int dossiers = FaultRun.setting("kill.dossiers", 240, 10_000);
        int rate = FaultRun.setting("kill.rate", 2, 40);
        run.baseline();
        DossierLoad load = new DossierLoad(run.runId, dossiers, 16, rate).start();
        List<String> downtimes = new ArrayList<>();
        int step = 0;
        for (String service : StackControl.SERVICES) {
            step++;
            load.awaitCreated(dossiers * step / (StackControl.SERVICES.size() + 1), Duration.ofMinutes(10));
            int before = load.createdCount();
            long killed = System.nanoTime();
            StackControl.kill9(service);
            Thread.sleep(1000);
            StackControl.start(service);
            downtimes.add("%s %.1f s (at dossier %d)".formatted(service, (System.nanoTime() - killed) / 1e9, before));
        }
        load.awaitDone(Duration.ofMinutes(30));
        System.out.printf("[kill9] killed and restarted (kill → ready): %s; load %d dossiers in %.0f s%n", downtimes,
                dossiers, Duration.between(load.startedAt, load.finishedAt).toMillis() / 1000.0);
        // Only intake's own restart may leave a request unanswered (-1); the client re-sends it with its key.
        assertEquals(0, load.count(500), "no 500 answers");
        run.reconcile(load, Duration.ofMinutes(FaultRun.LONG ? 30 : 4));
    }
}
