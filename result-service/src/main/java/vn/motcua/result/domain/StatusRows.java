package vn.motcua.result.domain;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import vn.motcua.platform.tx.TxLocal;
import vn.motcua.shared.dossier.DossierState;
import vn.motcua.shared.events.Outcome;
import vn.motcua.shared.events.ReceptionChannel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The projection's rows of {@code dossier_status}, read and written with plain SQL in the consumer's transaction
 * (issue 18): a batch's rows are read and locked in one statement before its events are applied ({@link #prefetch}),
 * they stay in memory for the batch's later events, and each changed row is written once, with the batch's timeline
 * lines, just before the transaction commits (a dossier's received, routed and assigned often share a batch: one
 * update, not three; the timeline in one multi-row insert). Through
 * Hibernate every event cost an insert-if-absent, a locked load and a flush of the whole entity, each in the
 * session's machinery. The entity class stays the shape (and what the API's queries read); only the projection's
 * hot path bypasses the session, and no session holds these rows while it runs.
 */
@ApplicationScoped
public class StatusRows {
    /** One column: its name, how it is read from a row and how it is taken from the object for a write. */
    private record Column(String name, Reader read, Function<DossierStatus, Object> value) {
    }

    @FunctionalInterface
    private interface Reader {
        void read(ResultSet rs, DossierStatus row) throws SQLException;
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("procedure_code", (rs, r) -> r.procedureCode = rs.getString("procedure_code"), r -> r.procedureCode),
            new Column("procedure_name", (rs, r) -> r.procedureName = rs.getString("procedure_name"), r -> r.procedureName),
            new Column("unit_code", (rs, r) -> r.unitCode = rs.getString("unit_code"), r -> r.unitCode),
            new Column("channel", (rs, r) -> r.channel = name(rs.getString("channel"), ReceptionChannel::valueOf),
                    r -> r.channel == null ? null : r.channel.name()),
            new Column("status", (rs, r) -> r.status = DossierState.valueOf(rs.getString("status")), r -> r.status.name()),
            new Column("national_status_code", (rs, r) -> r.nationalStatusCode = rs.getInt("national_status_code"),
                    r -> r.nationalStatusCode),
            time("received_at", (r, t) -> r.receivedAt = t, r -> r.receivedAt),
            time("appointment_at", (r, t) -> r.appointmentAt = t, r -> r.appointmentAt),
            new Column("current_agency", (rs, r) -> r.currentAgency = rs.getString("current_agency"), r -> r.currentAgency),
            new Column("current_agency_name", (rs, r) -> r.currentAgencyName = rs.getString("current_agency_name"),
                    r -> r.currentAgencyName),
            new Column("pin_hmac", (rs, r) -> r.pinHmac = rs.getString("pin_hmac"), r -> r.pinHmac),
            new Column("citizen_id_hmac", (rs, r) -> r.citizenIdHmac = rs.getString("citizen_id_hmac"), r -> r.citizenIdHmac),
            time("updated_at", (r, t) -> r.updatedAt = t, r -> r.updatedAt),
            time("last_event_time", (r, t) -> r.lastEventTime = t, r -> r.lastEventTime),
            new Column("last_version", (rs, r) -> r.lastVersion = rs.getObject("last_version", Long.class), r -> r.lastVersion),
            time("submitted_at", (r, t) -> r.submittedAt = t, r -> r.submittedAt),
            new Column("lead_agency", (rs, r) -> r.leadAgency = rs.getString("lead_agency"), r -> r.leadAgency),
            time("appointment_time", (r, t) -> r.appointmentTime = t, r -> r.appointmentTime),
            new Column("paused", (rs, r) -> r.paused = rs.getBoolean("paused"), r -> r.paused),
            time("pause_time", (r, t) -> r.pauseTime = t, r -> r.pauseTime),
            time("processed_at", (r, t) -> r.processedAt = t, r -> r.processedAt),
            time("processed_due_at", (r, t) -> r.processedDueAt = t, r -> r.processedDueAt),
            new Column("processed_on_time", (rs, r) -> r.processedOnTime = rs.getObject("processed_on_time", Boolean.class),
                    r -> r.processedOnTime),
            new Column("outcome", (rs, r) -> r.outcome = name(rs.getString("outcome"), Outcome::valueOf),
                    r -> r.outcome == null ? null : r.outcome.name()),
            time("stopped_at", (r, t) -> r.stoppedAt = t, r -> r.stoppedAt),
            time("withdrawn_at", (r, t) -> r.withdrawnAt = t, r -> r.withdrawnAt),
            time("returned_at", (r, t) -> r.returnedAt = t, r -> r.returnedAt),
            new Column("apology_ref", (rs, r) -> r.apologyRef = rs.getString("apology_ref"), r -> r.apologyRef),
            time("lawful_due_at", (r, t) -> r.lawfulDueAt = t, r -> r.lawfulDueAt),
            time("lawful_due_time", (r, t) -> r.lawfulDueTime = t, r -> r.lawfulDueTime));

    private static final String SELECTED = "code, " + COLUMNS.stream().map(Column::name).collect(Collectors.joining(", "));
    private static final String UPDATE = "update dossier_status set "
            + COLUMNS.stream().map(c -> c.name() + " = ?").collect(Collectors.joining(", ")) + " where code = ?";
    private static final DossierStatus ABSENT = new DossierStatus();

    private final AgroalDataSource dataSource;
    /**
     * The rows this transaction has read, locked and written, by code; a code prefetched without a row maps to
     * {@link #ABSENT} (its first event creates it without looking again).
     */
    private final TxLocal<Map<String, DossierStatus>> rows;
    /** What this transaction changed: written just before it commits ({@link #write}). */
    private final TxLocal<Pending> pending;

    /** A line of the citizen's timeline, unique by the event that made it. */
    public record Line(String code, OffsetDateTime at, String status, String agency, String note, UUID eventId,
                       Long version) {
    }

    private record Pending(Map<String, DossierStatus> changed, List<Line> lines) {
    }

    public StatusRows(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.rows = new TxLocal<>(transactions, HashMap::new);
        this.pending = new TxLocal<>(transactions, () -> new Pending(new LinkedHashMap<>(), new ArrayList<>()), this::write);
    }

    /** Reads and locks, in one statement and in the order of their codes, the existing rows of a batch's dossiers. */
    public void prefetch(Collection<String> codes) {
        Map<String, DossierStatus> held = held();
        List<String> missing = codes.stream().filter(code -> code != null && !held.containsKey(code)).distinct().toList();
        if (missing.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("select " + SELECTED
                + " from dossier_status where code = any(?) order by code for update")) {
            s.setArray(1, c.createArrayOf("varchar", missing.toArray()));
            readInto(s, held);
            // batches of this service that share a dossier wait for each other (the inbox's advisory locks), so a
            // row absent now is created by this transaction if at all (the insert below still tolerates a race)
            missing.forEach(code -> held.putIfAbsent(code, ABSENT));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the batch's dossier_status rows", e);
        }
    }

    /**
     * The row of {@code code}, locked for this transaction; created partial (as this event left it) when this is the
     * dossier's first event. Changes to it are written by {@link #save}.
     */
    public DossierStatus lock(String code, DossierState state, Long version, OffsetDateTime at) {
        Map<String, DossierStatus> held = held();
        DossierStatus row = held.get(code);
        if (row != null && row != ABSENT) {
            return row;
        }
        boolean knownAbsent = row == ABSENT;
        held.remove(code);
        try (Connection c = dataSource.getConnection()) {
            if (!knownAbsent) {
                readLocked(c, code, held);
            }
            if (!held.containsKey(code)) {
                // absent: create it; a concurrent creator's row (the insert waited for it) is then read and locked
                try (PreparedStatement s = c.prepareStatement("insert into dossier_status (code, status,"
                        + " national_status_code, updated_at, last_event_time, last_version) values (?, ?, ?, now(), ?, ?)"
                        + " on conflict (code) do nothing returning " + SELECTED)) {
                    s.setString(1, code);
                    s.setString(2, state.name());
                    s.setInt(3, state.nationalStatusCode());
                    s.setObject(4, at);
                    s.setObject(5, version);
                    readInto(s, held);
                }
            }
            if (!held.containsKey(code)) {
                readLocked(c, code, held);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not lock the dossier_status row of " + code, e);
        }
        row = held.get(code);
        if (row == null) {
            throw new IllegalStateException("the dossier_status row of " + code + " vanished while being created");
        }
        return row;
    }

    /** Marks a row {@link #lock} returned as changed: all its columns are written before the commit. */
    public void save(DossierStatus row) {
        Optional<Pending> inTransaction = pending.get();
        if (inTransaction.isPresent()) {
            inTransaction.get().changed().put(row.code, row);
        } else {
            write(new Pending(Map.of(row.code, row), List.of()));
        }
    }

    /** Adds a line to the dossier's timeline (none if its event already made one), written before the commit. */
    public void addLine(Line line) {
        Optional<Pending> inTransaction = pending.get();
        if (inTransaction.isPresent()) {
            inTransaction.get().lines().add(line);
        } else {
            write(new Pending(Map.of(), List.of(line)));
        }
    }

    /** Writes the timeline lines added so far (before a statement that reads or deletes them). */
    public void writeLines() {
        pending.get().ifPresent(p -> {
            write(new Pending(Map.of(), p.lines()));
            p.lines().clear();
        });
    }

    /**
     * The log book's applicant columns of a received dossier (Form 07), kept apart from the public status row: plain
     * SQL on the transaction's connection, since through a native query of the session each received dossier also
     * paid for a flush of the session and the query's plan (issue 18).
     */
    public void keepLogBookEntry(String code, String applicantName, String applicantAddress, String applicantPhone,
                                 int sets) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into log_book_entry (code, applicant_name, applicant_address, applicant_phone, sets)"
                        + " values (?, ?, ?, ?, ?) on conflict (code) do update set applicant_name = excluded.applicant_name,"
                        + " applicant_address = excluded.applicant_address, applicant_phone = excluded.applicant_phone,"
                        + " sets = excluded.sets")) {
            s.setString(1, code);
            s.setString(2, applicantName);
            s.setString(3, applicantAddress);
            s.setString(4, applicantPhone);
            s.setInt(5, sets);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not keep the log book entry of " + code, e);
        }
    }

    /** Timeline lines per insert statement (7 parameters each; PostgreSQL takes at most 65,535). */
    private static final int LINES_PER_INSERT = 1000;

    private static void insertLines(Connection c, List<Line> lines) throws SQLException {
        StringBuilder sql = new StringBuilder("insert into dossier_timeline (code, at, status, agency, note, event_id, version)"
                + " values ");
        for (int k = 0; k < lines.size(); k++) {
            sql.append(k == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?)");
        }
        try (PreparedStatement s = c.prepareStatement(sql.append(" on conflict (event_id) do nothing").toString())) {
            int i = 1;
            for (Line line : lines) {
                s.setString(i++, line.code());
                s.setObject(i++, line.at());
                s.setString(i++, line.status());
                s.setString(i++, line.agency());
                s.setString(i++, line.note());
                s.setObject(i++, line.eventId());
                s.setObject(i++, line.version());
            }
            s.executeUpdate();
        }
    }

    /** The changed rows, one update each in one JDBC batch, then the timeline lines in one insert per thousand. */
    private void write(Pending p) {
        if (p.changed().isEmpty() && p.lines().isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            if (!p.changed().isEmpty()) {
                try (PreparedStatement s = c.prepareStatement(UPDATE)) {
                    for (DossierStatus row : p.changed().values()) {
                        int i = 1;
                        for (Column column : COLUMNS) {
                            s.setObject(i++, column.value().apply(row));
                        }
                        s.setString(i, row.code);
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            }
            for (int from = 0; from < p.lines().size(); from += LINES_PER_INSERT) {
                insertLines(c, p.lines().subList(from, Math.min(p.lines().size(), from + LINES_PER_INSERT)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the projection's rows", e);
        }
    }

    private Map<String, DossierStatus> held() {
        // outside a transaction (not a path of the projection, which runs in its caller's) nothing is kept
        return rows.get().orElseGet(HashMap::new);
    }

    private static void readLocked(Connection c, String code, Map<String, DossierStatus> held) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + SELECTED + " from dossier_status where code = ? for update")) {
            s.setString(1, code);
            readInto(s, held);
        }
    }

    private static void readInto(PreparedStatement s, Map<String, DossierStatus> held) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                DossierStatus row = new DossierStatus();
                row.code = rs.getString("code");
                for (Column column : COLUMNS) {
                    column.read().read(rs, row);
                }
                held.put(row.code, row);
            }
        }
    }

    private static Column time(String name, java.util.function.BiConsumer<DossierStatus, OffsetDateTime> set,
                               Function<DossierStatus, Object> get) {
        return new Column(name, (rs, r) -> set.accept(r, rs.getObject(name, OffsetDateTime.class)), get);
    }

    private static <E> E name(String value, Function<String, E> parse) {
        return value == null ? null : parse.apply(value);
    }
}
