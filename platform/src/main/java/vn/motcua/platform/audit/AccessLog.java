package vn.motcua.platform.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import vn.motcua.platform.api.Page;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The log of who read whose personal data (Decree 13/2023, docs/AUDIT.md): every officer's request that shows an
 * applicant's data records one row per dossier shown, in one statement, before the answer leaves. A citizen reading
 * their own dossier with code and PIN is not an officer's access and is not recorded.
 */
@ApplicationScoped
public class AccessLog {
    private final AgroalDataSource dataSource;
    private final AuditLog audit;
    private final CurrentVertxRequest request;

    public AccessLog(AgroalDataSource dataSource, AuditLog audit, CurrentVertxRequest request) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.request = request;
    }

    /** Records that the current request (its method and path are the endpoint) showed these dossiers' data. */
    public void recordRequest(Collection<String> dossierCodes) {
        var current = request.getCurrent();
        record(current == null ? "?" : current.request().method() + " " + current.request().path(), dossierCodes);
    }

    public void recordRequest(String dossierCode) {
        recordRequest(List.of(dossierCode));
    }

    public record Access(OffsetDateTime accessedAt, String actor, String dossierCode, String endpoint) {
    }

    /** Records that the caller was shown these dossiers' personal data by {@code endpoint} (e.g. "GET /api/dossiers"). */
    public void record(String endpoint, Collection<String> dossierCodes) {
        if (dossierCodes.isEmpty()) {
            return;
        }
        String actor = audit.actor();
        if (actor.equals(AuditLog.PUBLIC) || actor.startsWith("system:")) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into personal_data_access (actor, dossier_code, endpoint) select ?, unnest(?), ?")) {
            insert.setString(1, actor);
            insert.setArray(2, connection.createArrayOf("text", new LinkedHashSet<>(dossierCodes).toArray()));
            insert.setString(3, endpoint);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the access to personal data", e);
        }
    }

    public void record(String endpoint, String dossierCode) {
        record(endpoint, List.of(dossierCode));
    }

    /** The accesses to one dossier's data, or by one officer, newest first. */
    public Page<Access> list(String dossierCode, String actor, Page.Request paging) {
        String where = dossierCode != null ? "dossier_code = ?" : "actor = ?";
        String value = dossierCode != null ? dossierCode : actor;
        try (Connection connection = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = connection.prepareStatement(
                    "select count(*) from personal_data_access where " + where)) {
                count.setString(1, value);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Access> items = new ArrayList<>();
            try (PreparedStatement page = connection.prepareStatement(
                    "select accessed_at, actor, dossier_code, endpoint from personal_data_access where " + where
                            + " order by accessed_at desc, id desc offset ? limit ?")) {
                page.setString(1, value);
                page.setInt(2, paging.offset());
                page.setInt(3, paging.size());
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        items.add(new Access(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3),
                                rs.getString(4)));
                    }
                }
            }
            return new Page<>(items, paging.page(), paging.size(), total);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the access log", e);
        }
    }
}
