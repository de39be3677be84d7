package vn.motcua.result.domain;

import org.junit.jupiter.api.Test;
import vn.motcua.shared.dossier.DossierState;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which event's state is the dossier's (docs/ORDERING.md), without a database: plain cases of the rule. */
class StatusPrecedenceTest {
    private static final OffsetDateTime T = OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.ofHours(7));

    private static DossierStatus row(DossierState state, Long version, OffsetDateTime at) {
        DossierStatus row = new DossierStatus();
        row.status = state;
        row.lastVersion = version;
        row.lastEventTime = at;
        return row;
    }

    /** Routing's clock 10 s behind: its assignment (caused by the reception) still comes after it. */
    @Test
    void aLaterVersionWinsAlthoughItsProducersClockIsBehind() {
        DossierStatus received = row(DossierState.RECEIVED, 1L, T);
        assertTrue(StatusProjection.isCurrent(received, 2L, T.minusSeconds(10), DossierState.IN_PROCESS));
        // without versions (events written before them) the business time decides, as it did
        assertFalse(StatusProjection.isCurrent(row(DossierState.RECEIVED, null, T), null, T.minusSeconds(10),
                DossierState.IN_PROCESS));
    }

    /** Routing's clock 10 s ahead: the result returned right after processing is the dossier's state. */
    @Test
    void theReturnAfterAProcessingStampedInTheFutureIsCurrent() {
        DossierStatus processed = row(DossierState.PROCESSED, 7L, T.plusSeconds(10));
        assertTrue(StatusProjection.isCurrent(processed, 8L, T.plusSeconds(2), DossierState.RESULT_RETURNED));
        DossierStatus returned = row(DossierState.RESULT_RETURNED, 8L, T.plusSeconds(2));
        assertFalse(StatusProjection.isCurrent(returned, 7L, T.plusSeconds(10), DossierState.PROCESSED),
                "the processing arriving late does not undo the return");
    }

    /** An older version arriving late changes nothing, whatever its time says. */
    @Test
    void anOlderVersionArrivingLateIsOnlyHistory() {
        DossierStatus inProcess = row(DossierState.IN_PROCESS, 5L, T);
        assertFalse(StatusProjection.isCurrent(inProcess, 4L, T.plusMinutes(5), DossierState.SUPPLEMENT_REQUESTED));
    }

    /** Equal versions are concurrent (neither producer saw the other): time, then the stage, decide. */
    @Test
    void concurrentEventsFallBackToTimeThenStage() {
        DossierStatus inProcess = row(DossierState.IN_PROCESS, 5L, T);
        assertTrue(StatusProjection.isCurrent(inProcess, 5L, T.plusSeconds(1), DossierState.SUPPLEMENT_REQUESTED));
        assertFalse(StatusProjection.isCurrent(inProcess, 5L, T.minusSeconds(1), DossierState.SUPPLEMENT_REQUESTED));
        assertTrue(StatusProjection.isCurrent(inProcess, 5L, T, DossierState.PROCESSED));
    }

    /** The ends keep their rules above any order: a withdrawal is final, other ends resist non-final events. */
    @Test
    void endsKeepTheirPrecedenceOverVersions() {
        DossierStatus withdrawn = row(DossierState.WITHDRAWN, 3L, T);
        assertFalse(StatusProjection.isCurrent(withdrawn, 9L, T.plusMinutes(1), DossierState.PROCESSED));
        assertTrue(StatusProjection.isCurrent(row(DossierState.PROCESSED, 9L, T), 3L, T.minusMinutes(1),
                DossierState.WITHDRAWN));
        assertFalse(StatusProjection.isCurrent(row(DossierState.STOPPED, 4L, T), 6L, T.plusMinutes(1),
                DossierState.IN_PROCESS));
    }
}
