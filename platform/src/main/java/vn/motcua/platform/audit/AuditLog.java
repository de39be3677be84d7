package vn.motcua.platform.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import vn.motcua.platform.config.ServiceConfig;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Appends to the service's audit log inside the caller's transaction (docs/AUDIT.md): the entry exists if and only if
 * the change it records was committed. The {@link AuditSealer} chains it afterwards. Events are recorded by the
 * {@link vn.motcua.platform.outbox.Outbox} in the statement that writes them; administrative changes through
 * {@link Audited} or {@link #record}.
 */
@ApplicationScoped
public class AuditLog {
    public static final String EVENT = "event";
    public static final String ADMIN = "admin";
    public static final String PUBLIC = "public";

    private final AgroalDataSource dataSource;
    private final Instance<CurrentIdentityAssociation> identities;
    private final Instance<CurrentVertxRequest> requests;
    private final boolean enabled;
    private final String system;

    public AuditLog(AgroalDataSource dataSource, Instance<CurrentIdentityAssociation> identities,
                    Instance<CurrentVertxRequest> requests, ServiceConfig config) {
        this.dataSource = dataSource;
        this.identities = identities;
        this.requests = requests;
        this.enabled = config.audit().enabled();
        this.system = "system:" + config.service();
    }

    public boolean enabled() {
        return enabled;
    }

    /** Records an administrative change ({@code type}: what was done, {@code subject}: to what, payload: JSON). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String type, String subject, String payloadJson) {
        if (!enabled) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into audit_entry (kind, type, subject, actor, payload) values (?, ?, ?, ?, ?)")) {
            insert.setString(1, ADMIN);
            insert.setString(2, type);
            insert.setString(3, subject);
            insert.setString(4, actor());
            insert.setString(5, payloadJson);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the audit entry of " + type, e);
        }
    }

    /**
     * Who is acting: the signed-in caller of the current request, {@code public} for a request without sign-in (a
     * citizen's submission or rating), or {@code system:<service>} for work a service does on its own (an event it
     * consumed, a timer).
     */
    public String actor() {
        if (!Arc.container().requestContext().isActive() || !identities.isResolvable()) {
            return system;
        }
        boolean http = requests.isResolvable() && requests.get().getCurrent() != null;
        SecurityIdentity identity = http ? identities.get().getIdentity() : null;
        if (identity == null) {
            return system;
        }
        return identity.isAnonymous() ? PUBLIC : identity.getPrincipal().getName();
    }
}
