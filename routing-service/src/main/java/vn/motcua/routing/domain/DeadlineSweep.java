package vn.motcua.routing.domain;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import vn.motcua.routing.config.RoutingConfig;
import vn.motcua.routing.messaging.RoutingEvents;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.SupplementLapse;
import vn.motcua.shared.events.routing.DeadlineScope;
import vn.motcua.shared.events.routing.DeadlineWarning;
import vn.motcua.shared.events.routing.DossierOverdue;
import vn.motcua.shared.events.routing.RoutingEvent;
import vn.motcua.shared.events.routing.SupplementOverdue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Warnings (a configurable number of working days before a due date) and overdue events, for every
 * running dossier and every open task, each emitted exactly once however many instances sweep.
 *
 * <p>Each pass takes a batch of due rows with {@code select … for update skip locked}, sets their
 * {@code warned_at} / {@code overdue_at} mark and writes the events to the outbox in the same
 * transaction: two instances never take the same row (the second skips the first's locked rows, and
 * after the first commits the mark excludes them). A paused or ended dossier is not swept; a due date
 * that moves (resume, extension) clears its marks, so the new date is warned about in turn. A warning
 * that comes too late (the due date already passed when the sweep first sees it) is marked and left
 * out: the overdue event says more.
 *
 * <p>A dossier still paused for a supplement after its supply-by date (issue 20, item 4) is taken once per request,
 * from the next day on, in the same way (the request's {@code overdue_at} mark): the procedure's rule returns it to
 * the applicant or stops it ({@link ClockActions#lapse}), or, where the rule is to wait for an officer, it raises one
 * {@link SupplementOverdue} warning and stays on the supervisors' list ({@code GET /api/supplements/overdue}).
 */
@ApplicationScoped
public class DeadlineSweep {
    private static final Logger LOG = Logger.getLogger(DeadlineSweep.class);
    /** The open task states as an SQL list ({@link TaskStatus#ASSIGNED}, {@link TaskStatus#CLAIMED}). */
    static final String OPEN = "('ASSIGNED', 'CLAIMED')";

    private final AgroalDataSource dataSource;
    private final RoutingEvents events;
    private final Deadlines deadlines;
    private final ClockActions clock;
    private final int batchSize;

    public DeadlineSweep(AgroalDataSource dataSource, RoutingEvents events, Deadlines deadlines, ClockActions clock,
                         RoutingConfig config) {
        this.dataSource = dataSource;
        this.events = events;
        this.deadlines = deadlines;
        this.clock = clock;
        this.batchSize = config.deadlines().sweepBatchSize();
    }

    /** How many events one sweep wrote (supplement-overdue warnings counted with the overdue events). */
    public record Swept(int warnings, int overdue) {
        Swept plus(Swept other) {
            return new Swept(warnings + other.warnings, overdue + other.overdue);
        }
    }

    @Scheduled(identity = "deadline-sweep", every = "${motcua.routing.deadlines.sweep-every:60s}",
            delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Swept swept = sweep(deadlines.now());
        if (swept.warnings() + swept.overdue() > 0) {
            LOG.infof("deadline sweep: %d warnings, %d overdue", swept.warnings(), swept.overdue());
        }
    }

    /** Sweeps everything due at {@code now}, one transaction per batch, until nothing is left. */
    public Swept sweep(OffsetDateTime now) {
        Swept total = new Swept(0, 0);
        for (Kind kind : Kind.values()) {
            int marked;
            do {
                List<RoutingEvent> written = new ArrayList<>();
                marked = QuarkusTransaction.requiringNew().call(() -> batch(kind, now, written));
                long warnings = written.stream().filter(DeadlineWarning.class::isInstance).count();
                total = total.plus(new Swept((int) warnings, written.size() - (int) warnings));
            } while (marked == batchSize);
        }
        int marked;
        do {
            marked = QuarkusTransaction.requiringNew().call(() -> supplementBatch(now));
            total = total.plus(new Swept(0, marked));
        } while (marked == batchSize);
        return total;
    }

    /**
     * Marks one batch of supplement requests past their supply-by date, and for each either applies the procedure's
     * rule ({@link ClockActions#lapse}: returned or stopped, the citizen told) or, where the rule is to wait for an
     * officer, writes the supervisors' warning.
     */
    private int supplementBatch(OffsetDateTime now) throws SQLException {
        LocalDate today = now.atZoneSameInstant(EventJson.VIETNAM).toLocalDate();
        List<SupplementOverdue> found = new ArrayList<>();
        List<SupplementLapse> rules = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "select s.dossier_code, s.step_id, s.agency, s.requested_at, s.supply_by, d.supplement_lapse"
                        + Supplements.pausedBeyondSupplyBy("?") + " and s.overdue_at is null"
                        + " order by s.supply_by, s.dossier_code limit ? for update of s skip locked")) {
            select.setObject(1, today);
            select.setInt(2, batchSize);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.add(new SupplementOverdue(rs.getString("dossier_code"), rs.getString("step_id"),
                            rs.getString("agency"), rs.getObject("requested_at", OffsetDateTime.class)
                            .withOffsetSameInstant(EventJson.VIETNAM), rs.getObject("supply_by", LocalDate.class), now));
                    rules.add(SupplementLapse.valueOf(rs.getString("supplement_lapse")));
                }
            }
            if (found.isEmpty()) {
                return 0;
            }
            try (PreparedStatement mark = c.prepareStatement(
                    "update supplement_request set overdue_at = ? where dossier_code = ? and step_id = ?")) {
                for (SupplementOverdue w : found) {
                    mark.setObject(1, now);
                    mark.setString(2, w.dossierCode());
                    mark.setString(3, w.stepId());
                    mark.addBatch();
                }
                mark.executeBatch();
            }
        }
        for (int i = 0; i < found.size(); i++) {
            SupplementOverdue w = found.get(i);
            boolean ended = rules.get(i) != SupplementLapse.WAIT
                    && clock.lapse(w.dossierCode(), w.requestedAt(), w.supplyBy(), now);
            if (!ended) {
                events.publish(w);
            }
        }
        return found.size();
    }

    private enum Kind { DOSSIER_WARNING, DOSSIER_OVERDUE, TASK_WARNING, TASK_OVERDUE }

    /** Marks one batch of due rows of a kind and writes their events; returns how many rows it marked. */
    private int batch(Kind kind, OffsetDateTime now, List<RoutingEvent> written) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(select(kind))) {
            select.setObject(1, now);
            select.setInt(2, batchSize);
            List<Object> ids = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    boolean dossier = kind == Kind.DOSSIER_WARNING || kind == Kind.DOSSIER_OVERDUE;
                    String code = rs.getString("dossier_code");
                    UUID taskId = dossier ? null : rs.getObject("id", UUID.class);
                    String agency = rs.getString("agency");
                    OffsetDateTime due = rs.getObject("due_at", OffsetDateTime.class).withOffsetSameInstant(EventJson.VIETNAM);
                    ids.add(dossier ? code : taskId);
                    DeadlineScope scope = dossier ? DeadlineScope.DOSSIER : DeadlineScope.TASK;
                    if (kind == Kind.DOSSIER_OVERDUE || kind == Kind.TASK_OVERDUE) {
                        written.add(new DossierOverdue(code, scope, taskId, agency, due, now));
                    } else if (due.isAfter(now)) {
                        written.add(new DeadlineWarning(code, scope, taskId, agency, due, now));
                    }
                }
            }
            if (ids.isEmpty()) {
                return 0;
            }
            try (PreparedStatement mark = c.prepareStatement(mark(kind))) {
                mark.setObject(1, now);
                mark.setArray(2, kind == Kind.DOSSIER_WARNING || kind == Kind.DOSSIER_OVERDUE
                        ? c.createArrayOf("varchar", ids.toArray()) : c.createArrayOf("uuid", ids.toArray()));
                mark.executeUpdate();
            }
            written.forEach(events::publish);
            return ids.size();
        }
    }

    private static String select(Kind kind) {
        return switch (kind) {
            case DOSSIER_WARNING -> dossierSelect("warned_at", "warn_at");
            case DOSSIER_OVERDUE -> dossierSelect("overdue_at", "due_at");
            case TASK_WARNING -> taskSelect("warned_at", "warn_at");
            case TASK_OVERDUE -> taskSelect("overdue_at", "due_at");
        };
    }

    /** Running dossiers whose time has come; the agency is the one holding the earliest-due open task. */
    private static String dossierSelect(String mark, String time) {
        return "select d.code as dossier_code, d.due_at,"
                + " (select t.agency from agency_task t where t.dossier_code = d.code and t.status in " + OPEN
                + " order by t.due_at, t.id limit 1) as agency"
                + " from routed_dossier d where d.status = 'IN_PROGRESS' and d." + mark + " is null"
                + " and d." + time + " <= ? order by d." + time + " limit ? for update of d skip locked";
    }

    /** Open tasks of running dossiers whose time has come. */
    private static String taskSelect(String mark, String time) {
        return "select t.id, t.dossier_code, t.agency, t.due_at from agency_task t"
                + " join routed_dossier d on d.code = t.dossier_code"
                + " where t.status in " + OPEN + " and t." + mark + " is null and t." + time + " <= ?"
                + " and d.status = 'IN_PROGRESS' order by t." + time + " limit ? for update of t skip locked";
    }

    private static String mark(Kind kind) {
        return switch (kind) {
            case DOSSIER_WARNING -> "update routed_dossier set warned_at = ? where code = any(?)";
            case DOSSIER_OVERDUE -> "update routed_dossier set overdue_at = ? where code = any(?)";
            case TASK_WARNING -> "update agency_task set warned_at = ? where id = any(?)";
            case TASK_OVERDUE -> "update agency_task set overdue_at = ? where id = any(?)";
        };
    }
}
