package vn.motcua.system.faults;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kafka stopped while dossiers are received: reception keeps answering 201 (the events wait in intake's
 * outbox), and once the broker is back everything flows — every dossier reaches routing, result and
 * notification, each event applied once. Short: 20 s outage; long ({@code -Dfaults.long=true}): 180 s.
 */
@Tag("faults")
class KafkaOutageFaultIT {
    @AfterEach
    void restore() {
        FaultRun.restoreStack();
    }

    @Test
    void receptionAnswers201WhileKafkaIsDownAndEverythingFlowsOnceItIsBack() throws Exception {
        FaultRun run = new FaultRun("kafka");
        int outage = FaultRun.setting("kafka.seconds", 20, 180);
        int rate = FaultRun.setting("kafka.rate", 5, 10);
        // enough dossiers for the load to run before, through and after the outage
        int dossiers = FaultRun.setting("kafka.dossiers", (outage + 15) * rate, (outage + 60) * rate);
        run.baseline();
        DossierLoad load = new DossierLoad(run.runId, dossiers, 8, rate).start();
        load.awaitCreated(5 * rate, Duration.ofMinutes(2));
        StackControl.stop("kafka");
        long stopped = System.currentTimeMillis();
        int atStop = load.createdCount();
        Thread.sleep(outage * 1000L);
        long outboxDuringOutage = Ledger.outboxes().get("intake");
        int duringOutage = load.createdCount() - atStop;
        long restarting = System.currentTimeMillis();
        StackControl.start("kafka");
        long back = System.currentTimeMillis();
        load.awaitDone(Duration.ofMinutes(30));
        System.out.printf("[kafka] down %d s (stop → start); %d dossiers answered 201 during the outage, intake's outbox"
                        + " held %d events at its end; broker back in %.1f s%n", (restarting - stopped) / 1000,
                duringOutage, outboxDuringOutage, (back - restarting) / 1000.0);

        Map<Integer, Long> statuses = load.statuses();
        assertEquals(Map.of(201, (long) dossiers), statuses, "reception answered only 201s: " + statuses);
        assertTrue(duringOutage >= outage * rate / 2, "receptions went on while Kafka was down: " + duringOutage);
        assertTrue(outboxDuringOutage >= duringOutage, "the outbox kept the events of the outage: " + outboxDuringOutage);
        run.reconcile(load, Duration.ofMinutes(FaultRun.LONG ? 20 : 4));
        System.out.printf("[kafka] every dossier settled in every service %.1f s after the broker was back%n",
                (run.settledAt.toEpochMilli() - back) / 1000.0);
    }
}
