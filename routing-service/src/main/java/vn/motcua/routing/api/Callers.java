package vn.motcua.routing.api;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.motcua.routing.domain.Caller;

/** Builds the {@link Caller} from the bearer token: roles and the {@code agency} claim. */
@RequestScoped
public class Callers {
    static final String AGENCY_OFFICER = "agency-officer";
    static final String SUPERVISOR = "supervisor";
    /** The head of an agency (thủ trưởng): the whole inbox, assignment, signature, delegations. */
    static final String AGENCY_LEAD = "agency-lead";

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Callers(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** The caller, who is an agency officer with an agency or a supervisor. */
    public Caller current() {
        boolean supervisor = identity.hasRole(SUPERVISOR);
        boolean lead = identity.hasRole(AGENCY_LEAD);
        String agency = identity.hasRole(AGENCY_OFFICER) || lead ? agencyClaim() : null;
        if (!supervisor && agency == null) {
            throw new ForbiddenException("agency officer without an agency claim");
        }
        return new Caller(identity.getPrincipal().getName(), agency, supervisor, lead && agency != null);
    }

    /** The caller as an officer who acts on their agency's tasks (a supervisor only reads). */
    public Caller officer() {
        Caller caller = current();
        if (caller.agency() == null) {
            throw new ForbiddenException("only agency officers act on tasks");
        }
        return caller;
    }

    private String agencyClaim() {
        Object claim = token.getClaim("agency");
        String agency = claim instanceof JsonString json ? json.getString() : claim == null ? null : claim.toString();
        return agency == null || agency.isBlank() ? null : agency;
    }
}
