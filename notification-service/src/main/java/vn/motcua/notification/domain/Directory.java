package vn.motcua.notification.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import vn.motcua.platform.cache.Snapshot;
import vn.motcua.platform.tx.AfterCommit;
import vn.motcua.platform.tx.TxLocal;
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
import java.util.Collection;
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
    /**
     * The applicants a consumer's batch concerns, read in one statement before its events are planned ({@link #prefetch};
     * issue 18: one read per event before) and kept up to date by this transaction's own writes; absent = not read.
     */
    private final TxLocal<Map<String, Optional<DossierContact>>> contacts;

    public Directory(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.agencies = new Snapshot<>(this::allAgencies, Duration.ofSeconds(2));
        this.contacts = new TxLocal<>(transactions, HashMap::new);
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
        contacts.get().ifPresent(memo -> memo.remove(submitted.dossierCode())); // a received one may have been there
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void keep(DossierReceived received) {
        var applicant = received.applicant();
        // one record for the row and for this transaction's memory of it, so the two cannot say different things
        DossierContact contact = new DossierContact(received.dossierCode(), received.procedureCode(),
                received.procedureName(), received.unitCode(), applicant == null ? null : applicant.addressee(),
                applicant == null ? null : blankToNull(applicant.phone()),
                applicant == null ? null : blankToNull(applicant.email()), received.receivedAt(),
                received.appointmentAt());
        update("insert into dossier_contact (dossier_code, procedure_code, procedure_name, unit_code, applicant_name,"
                        + " phone, email, received_at, appointment_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, now())"
                        + " on conflict (dossier_code) do update set procedure_code = excluded.procedure_code,"
                        + " procedure_name = excluded.procedure_name, unit_code = excluded.unit_code,"
                        + " applicant_name = excluded.applicant_name, phone = excluded.phone, email = excluded.email,"
                        + " received_at = excluded.received_at, appointment_at = excluded.appointment_at, updated_at = now()",
                contact.dossierCode(), contact.procedureCode(), contact.procedureName(), contact.unitCode(),
                contact.applicantName(), contact.phone(), contact.email(), contact.receivedAt(), contact.appointmentAt());
        contacts.get().ifPresent(memo -> memo.put(contact.dossierCode(), Optional.of(contact)));
    }

    /** A new appointment (extension) or a due date moved by a pause: later messages quote it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void moveAppointment(String dossierCode, OffsetDateTime appointmentAt) {
        update("update dossier_contact set appointment_at = ?, updated_at = now() where dossier_code = ?",
                appointmentAt, dossierCode);
        contacts.get().ifPresent(memo -> memo.remove(dossierCode));
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

    /**
     * Reads the applicants of {@code dossierCodes} in one statement for the rest of the caller's transaction (a
     * consumer's batch): {@link #dossier} then answers them from memory, those without a contact included.
     */
    public void prefetch(Collection<String> dossierCodes) {
        Map<String, Optional<DossierContact>> memo = contacts.get().orElse(null);
        if (memo == null || dossierCodes.isEmpty()) {
            return;
        }
        List<String> missing = dossierCodes.stream().filter(code -> code != null && !memo.containsKey(code)).distinct()
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        Map<String, DossierContact> found = read(" where dossier_code = any(?)", missing.toArray(String[]::new));
        for (String code : missing) {
            memo.put(code, Optional.ofNullable(found.get(code)));
        }
    }

    public Optional<DossierContact> dossier(String dossierCode) {
        Map<String, Optional<DossierContact>> memo = contacts.get().orElse(null);
        if (memo != null && memo.containsKey(dossierCode)) {
            return memo.get(dossierCode);
        }
        Optional<DossierContact> contact = Optional.ofNullable(read(" where dossier_code = ?", dossierCode)
                .get(dossierCode));
        if (memo != null) {
            memo.put(dossierCode, contact);
        }
        return contact;
    }

    private Map<String, DossierContact> read(String where, Object parameter) {
        Map<String, DossierContact> found = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select dossier_code, procedure_code, procedure_name, unit_code,"
                     + " applicant_name, phone, email, received_at, appointment_at from dossier_contact" + where)) {
            if (parameter instanceof String[] codes) {
                s.setArray(1, c.createArrayOf("text", codes));
            } else {
                s.setObject(1, parameter);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    DossierContact contact = new DossierContact(rs.getString("dossier_code"),
                            rs.getString("procedure_code"), rs.getString("procedure_name"), rs.getString("unit_code"),
                            rs.getString("applicant_name"), rs.getString("phone"), rs.getString("email"),
                            rs.getObject("received_at", OffsetDateTime.class),
                            rs.getObject("appointment_at", OffsetDateTime.class));
                    found.put(contact.dossierCode(), contact);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read dossier_contact", e);
        }
        return found;
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
