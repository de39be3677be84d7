package vn.motcua.routing.domain;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The rows a received dossier starts with, written in plain SQL (issue 18): every received dossier passes here, and
 * through the entity manager the duplicate check ({@code find}), the persist events and the flush of two new entities
 * were a quarter of routing's CPU in the pipeline profile. One statement inserts the dossier unless it is there
 * already, and one inserts the first stage's tasks; both in the consumer's transaction, on its connection, so the
 * entity manager sees them from the database like any committed row. Later changes to these rows go through the
 * entities ({@link RoutedDossier}, {@link AgencyTask}), whose version starts at 0 as here.
 */
@ApplicationScoped
public class RoutingRows {
    private final AgroalDataSource dataSource;

    public RoutingRows(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts a newly routed dossier; false, and nothing written, when a dossier of that code is already routed. */
    boolean insertNew(RoutedDossier d) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                insert into routed_dossier (code, procedure_code, procedure_version, unit_code, procedure_name,
                    applicant_name, applicant_address, received_at, due_at, lawful_due_at, statutory_due_at, warn_at,
                    routed_at, status, current_stage, plan, suspension_allowed, extension_allowed, documents,
                    supplement_lapse, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?, 0)
                on conflict (code) do nothing""")) {
            int i = 0;
            s.setString(++i, d.code);
            s.setString(++i, d.procedureCode);
            s.setInt(++i, d.procedureVersion);
            s.setString(++i, d.unitCode);
            s.setString(++i, d.procedureName);
            s.setString(++i, d.applicantName);
            s.setString(++i, d.applicantAddress);
            s.setObject(++i, d.receivedAt);
            s.setObject(++i, d.dueAt);
            s.setObject(++i, d.lawfulDueAt);
            s.setObject(++i, d.statutoryDueAt);
            s.setObject(++i, d.warnAt);
            s.setObject(++i, d.routedAt);
            s.setString(++i, d.status.name());
            s.setInt(++i, d.currentStage);
            s.setString(++i, d.plan);
            s.setBoolean(++i, d.suspensionAllowed);
            s.setBoolean(++i, d.extensionAllowed);
            s.setString(++i, d.documents);
            s.setString(++i, d.supplementLapse.name());
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not store routed dossier " + d.code, e);
        }
    }

    /** Inserts new tasks (just assigned: no officer, claim, draft or signature yet), in one round trip. */
    void insertAssigned(Iterable<AgencyTask> tasks) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                insert into agency_task (id, dossier_code, stage_index, step_id, agency, agency_name, status,
                    handed_over_by, assigned_at, due_at, warn_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")) {
            for (AgencyTask t : tasks) {
                int i = 0;
                s.setObject(++i, t.id);
                s.setString(++i, t.dossierCode);
                s.setInt(++i, t.stageIndex);
                s.setString(++i, t.stepId);
                s.setString(++i, t.agency);
                s.setString(++i, t.agencyName);
                s.setString(++i, t.status.name());
                s.setString(++i, t.handedOverBy);
                s.setObject(++i, t.assignedAt);
                s.setObject(++i, t.dueAt);
                s.setObject(++i, t.warnAt);
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the new tasks", e);
        }
    }
}
