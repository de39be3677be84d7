package vn.motcua.intake.domain;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A dossier received at the counter, written in plain SQL (issue 18): the row and its first history line in one
 * statement. Through Panache, the persist events, the history line's identity insert (which flushes the dossier
 * first) and the bean validation of both entities were a fifth of intake's CPU in the pipeline profile, on the path
 * every counter reception takes. Everything after reception changes the row through {@link Dossier} (its version
 * starts at 0, as here) or {@link DossierActions#follow}.
 */
@ApplicationScoped
public class DossierRows {
    private final AgroalDataSource dataSource;

    public DossierRows(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts a new dossier and the history line of how it came in ({@code action} by {@code actor}). */
    @Transactional(Transactional.TxType.MANDATORY)
    void insert(Dossier d, String actor, String action) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                with dossier as (
                    insert into dossier (id, code, procedure_code, procedure_version, channel, unit_code, status,
                        applicant_name, applicant_id, applicant_phone, applicant_email, applicant_address, applicant_kind,
                        organisation_name, tax_code, represented_name, represented_id, represented_address,
                        authorisation_number, authorisation_date, authorisation_issued_by, citizen_id_hmac, pin_hmac,
                        documents, received_by, received_by_name, received_at, counts_from, handed_over_at, commune_code,
                        sets, log_book, log_book_entry, appointment_at, submitted_at, submitted_by, registered_at,
                        status_changed_at, return_channel, return_address, version)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?,
                        ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                    returning id, status, status_changed_at)
                insert into dossier_history (dossier_id, at, actor, action, from_status, to_status, reasons, note)
                select id, status_changed_at, ?, ?, null, status, '[]'::jsonb, null from dossier""")) {
            int i = 0;
            s.setObject(++i, d.id);
            s.setString(++i, d.code);
            s.setString(++i, d.procedureCode);
            s.setInt(++i, d.procedureVersion);
            s.setString(++i, d.channel);
            s.setString(++i, d.unitCode);
            s.setString(++i, d.status);
            s.setString(++i, d.applicantName);
            s.setString(++i, d.applicantId);
            s.setString(++i, d.applicantPhone);
            s.setString(++i, d.applicantEmail);
            s.setString(++i, d.applicantAddress);
            s.setString(++i, d.applicantKind);
            s.setString(++i, d.organisationName);
            s.setString(++i, d.taxCode);
            s.setString(++i, d.representedName);
            s.setString(++i, d.representedId);
            s.setString(++i, d.representedAddress);
            s.setString(++i, d.authorisationNumber);
            s.setObject(++i, d.authorisationDate);
            s.setString(++i, d.authorisationIssuedBy);
            s.setString(++i, d.citizenIdHmac);
            s.setString(++i, d.pinHmac);
            s.setString(++i, d.documents);
            s.setString(++i, d.receivedBy);
            s.setString(++i, d.receivedByName);
            s.setObject(++i, d.receivedAt);
            s.setObject(++i, d.countsFrom);
            s.setObject(++i, d.handedOverAt);
            s.setString(++i, d.communeCode);
            s.setInt(++i, d.sets);
            s.setString(++i, d.logBook);
            s.setObject(++i, d.logBookEntry);
            s.setObject(++i, d.appointmentAt);
            s.setObject(++i, d.submittedAt);
            s.setString(++i, d.submittedBy);
            s.setObject(++i, d.registeredAt);
            s.setObject(++i, d.statusChangedAt);
            s.setString(++i, d.returnChannel);
            s.setString(++i, d.returnAddress);
            s.setString(++i, actor);
            s.setString(++i, action);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store dossier " + d.code, e);
        }
    }
}
