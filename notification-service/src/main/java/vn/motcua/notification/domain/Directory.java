package vn.motcua.notification.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import vn.motcua.platform.cache.Snapshot;
import vn.motcua.platform.tx.AfterCommit;
import vn.motcua.shared.events.Contact;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.catalog.AgencyUpserted;
import vn.motcua.shared.events.intake.Applicant;
import vn.motcua.shared.events.intake.DossierReceived;
import vn.motcua.shared.events.intake.DossierSubmitted;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Notification's local copies of whom to tell: the applicant of each open dossier (from {@code submitted}
 * for an online dossier, then {@code received}: the events with contact details) and every agency's
 * contacts (from the catalogue's {@code AgencyUpserted}). No one else's tables are read. A contact outlives its
 * dossier by the retention period ({@link #end}, {@link #purge}).
 */
@ApplicationScoped
public class Directory {
    private static final TypeReference<List<Contact>> CONTACTS = new TypeReference<>() {
    };

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    /**
     * Every agency's contacts, read once for many events (issue 18, item 6: one query per event before): a few hundred
     * rows; a catalogue change consumed here applies at once, on another instance within 2 s.
     */
    private final Snapshot<Map<String, Agency>> agencies;

    public Directory(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.agencies = new Snapshot<>(this::allAgencies, Duration.ofSeconds(2));
    }

    /** The applicant's contact and the dossier's details; the PIN and any ID number are not kept. */
    public record DossierContact(String dossierCode, String procedureCode, String procedureName, String unitCode,
                                 String applicantName, String phone, String email,
                                 OffsetDateTime receivedAt, OffsetDateTime appointmentAt) {
    }

    public record Agency(String code, String name, boolean active, List<Contact> contacts) {
    }

    /**
     * An online submission: its applicant is told now (code and PIN) and again at every later step, whose
     * events carry no contact. Not yet received: no reception time, no appointment. A {@code received}
     * that came first (a redelivered {@code submitted} arriving late) is not overwritten.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void keep(DossierSubmitted submitted) {
        Applicant applicant = submitted.applicant();
        update("insert into dossier_contact (dossier_code, procedure_code, procedure_name, unit_code, applicant_name,"
                        + " phone, email, received_at, appointment_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, null, null, now())"
                        + " on conflict (dossier_code) do nothing",
                submitted.dossierCode(), submitted.procedureCode(), submitted.procedureName(), submitted.unitCode(),
                applicant == null ? null : applicant.addressee(), applicant == null ? null : blankToNull(applicant.phone()),
                applicant == null ? null : blankToNull(applicant.email()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void keep(DossierReceived received) {
        var applicant = received.applicant();
        update("insert into dossier_contact (dossier_code, procedure_code, procedure_name, unit_code, applicant_name,"
                        + " phone, email, received_at, appointment_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, now())"
                        + " on conflict (dossier_code) do update set procedure_code = excluded.procedure_code,"
                        + " procedure_name = excluded.procedure_name, unit_code = excluded.unit_code,"
                        + " applicant_name = excluded.applicant_name, phone = excluded.phone, email = excluded.email,"
                        + " received_at = excluded.received_at, appointment_at = excluded.appointment_at, updated_at = now()",
                received.dossierCode(), received.procedureCode(), received.procedureName(), received.unitCode(),
                applicant == null ? null : applicant.addressee(), applicant == null ? null : blankToNull(applicant.phone()),
                applicant == null ? null : blankToNull(applicant.email()), received.receivedAt(), received.appointmentAt());
    }

    /** A new appointment (extension) or a due date moved by a pause: later messages quote it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void moveAppointment(String dossierCode, OffsetDateTime appointmentAt) {
        update("update dossier_contact set appointment_at = ?, updated_at = now() where dossier_code = ?",
                appointmentAt, dossierCode);
    }

    /**
     * The dossier ended (result returned, withdrawn, refused, processing stopped). Its contact is kept for
     * the retention period, not dropped at once: the topics are not read in one order, so the notice of an
     * earlier step (routing's lagging {@code processed} after result's {@code result-returned}) may still
     * arrive and must find whom to tell. {@link #purge} drops it afterwards.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void end(String dossierCode) {
        update("update dossier_contact set ended_at = now(), updated_at = now() where dossier_code = ? and ended_at is null",
                dossierCode);
    }

    /** Drops the contacts of dossiers that ended more than {@code retention} ago. @return how many */
    @Transactional(Transactional.TxType.REQUIRED)
    public int purge(Duration retention) {
        return update("delete from dossier_contact where ended_at < ?", OffsetDateTime.now().minus(retention));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void keep(AgencyUpserted agency) {
        update("insert into agency_contact (agency_code, name, active, contacts, updated_at) values (?, ?, ?, ?::jsonb, ?)"
                        + " on conflict (agency_code) do update set name = excluded.name, active = excluded.active,"
                        + " contacts = excluded.contacts, updated_at = excluded.updated_at"
                        + " where agency_contact.updated_at <= excluded.updated_at",
                agency.agencyCode(), agency.name(), agency.active(), json(agency.contacts()), agency.updatedAt());
        agencies.invalidate();
        AfterCommit.run(transactions, agencies::invalidate);
    }

    public Optional<DossierContact> dossier(String dossierCode) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select dossier_code, procedure_code, procedure_name, unit_code,"
                     + " applicant_name, phone, email, received_at, appointment_at from dossier_contact where dossier_code = ?")) {
            s.setString(1, dossierCode);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new DossierContact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read dossier_contact", e);
        }
    }

    /**
     * The agency's contacts from memory; one not there (an agency the catalogue added a moment ago, on another
     * instance) is looked up in the table before it is taken as unknown.
     */
    public Optional<Agency> agency(String agencyCode) {
        if (agencyCode == null) {
            return Optional.empty();
        }
        Agency known = agencies.get().get(agencyCode);
        if (known != null) {
            return Optional.of(known);
        }
        Map<String, Agency> found = readAgencies(" where agency_code = ?", agencyCode);
        if (!found.isEmpty()) {
            agencies.invalidate();
        }
        return Optional.ofNullable(found.get(agencyCode));
    }

    private Map<String, Agency> allAgencies() {
        return readAgencies("");
    }

    private Map<String, Agency> readAgencies(String where, Object... params) {
        Map<String, Agency> all = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select agency_code, name, active, contacts::text from agency_contact"
                     + where)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    all.put(rs.getString(1), new Agency(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                            EventJson.mapper().readValue(rs.getString(4), CONTACTS)));
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not read agency_contact", e);
        }
        return Map.copyOf(all);
    }

    private int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not update notification's directory", e);
        }
    }

    private static String json(List<Contact> contacts) {
        try {
            return EventJson.mapper().writeValueAsString(contacts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("contacts are plain records", e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
