package vn.motcua.platform.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import vn.motcua.shared.calendar.DeadlineCalculator;
import vn.motcua.shared.calendar.OfficialYear;
import vn.motcua.shared.calendar.WorkingCalendar;
import vn.motcua.shared.events.EventJson;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.platform.tx.AfterCommit;

/**
 * The working-day calendar a service computes deadlines with: the rules and the bundled official
 * tables (shared-model), overridden by the yearly tables stored in this service's
 * {@code calendar_year} table. Every instance reloads the stored tables at start and every 30 s, so
 * a table saved by one instance (or applied from a catalogue event) reaches the others; the
 * calculator itself is an immutable value swapped atomically.
 */
@ApplicationScoped
public class CalendarStore {
    private static final Logger LOG = Logger.getLogger(CalendarStore.class);

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private volatile DeadlineCalculator calculator = DeadlineCalculator.standard();

    public CalendarStore(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    public DeadlineCalculator calculator() {
        return calculator;
    }

    public WorkingCalendar calendar() {
        return calculator.calendar();
    }

    /**
     * Stores (replaces) a year's official table in the caller's transaction; this instance applies
     * it once the transaction commits (never a table that was rolled back).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(OfficialYear table, String updatedBy) {
        try (Connection c = dataSource.getConnection(); PreparedStatement upsert = c.prepareStatement("""
                insert into calendar_year (year, official, updated_at, updated_by) values (?, ?::jsonb, now(), ?)
                on conflict (year) do update set official = excluded.official, updated_at = now(),
                  updated_by = excluded.updated_by""")) {
            upsert.setInt(1, table.year());
            upsert.setString(2, EventJson.mapper().writeValueAsString(table));
            upsert.setString(3, updatedBy);
            upsert.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not store the " + table.year() + " calendar table", e);
        }
        AfterCommit.run(transactions, this::reload);
    }

    void onStart(@Observes StartupEvent start) {
        reload();
    }

    @Scheduled(every = "30s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void reload() {
        List<OfficialYear> stored = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "select official from calendar_year order by year"); ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                stored.add(EventJson.mapper().readValue(rs.getString(1), OfficialYear.class));
            }
        } catch (SQLException | JsonProcessingException e) {
            LOG.warnf("calendar tables not reloaded, keeping the current ones: %s", e.getMessage());
            return;
        }
        WorkingCalendar calendar = WorkingCalendar.standard();
        for (OfficialYear table : stored) {
            calendar = calendar.withOfficialYear(table);
        }
        calculator = DeadlineCalculator.standard().withCalendar(calendar);
    }
}
