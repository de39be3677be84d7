package vn.motcua.console.view;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The signed-in officer as the pages show them ({@code {inject:officer.name}} in templates): name, roles and the
 * unit or agency claims of the realm. Only for display and navigation: every decision on what the officer may
 * see or do is the services', taken on the token the console passes on.
 */
@RequestScoped
@Named("officer")
public class Officer {
    public static final String COUNTER = "counter-officer";
    public static final String AGENCY = "agency-officer";
    /** The agency's head (trưởng/lãnh đạo cơ quan): assigns, signs, delegates; always an agency officer too. */
    public static final String LEAD = "agency-lead";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    JsonWebToken idToken;

    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    public String name() {
        if (!isSignedIn()) {
            return "";
        }
        // Vietnamese order: family name first ("Nguyễn Thị Lan"), not the realm's "given family" in `name`.
        String family = claim("family_name");
        String given = claim("given_name");
        if (family != null && given != null) {
            return family + " " + given;
        }
        String name = claim("name");
        return name == null || name.isBlank() ? username() : name;
    }

    public String username() {
        String username = claim("preferred_username");
        return username == null ? identity.getPrincipal().getName() : username;
    }

    public String unit() {
        return claim("unit");
    }

    public String agency() {
        return claim("agency");
    }

    public boolean isCounter() {
        return identity.hasRole(COUNTER);
    }

    public boolean isAgency() {
        return identity.hasRole(AGENCY);
    }

    public boolean isLead() {
        return identity.hasRole(LEAD);
    }

    public boolean isSupervisor() {
        return identity.hasRole(SUPERVISOR);
    }

    public boolean isAdmin() {
        return identity.hasRole(ADMIN);
    }

    /** The first page of the officer's work: the counter, the agency's inbox, the reports or the catalogue. */
    public String home() {
        if (isCounter()) {
            return "/quay";
        }
        if (isAgency()) {
            return "/xu-ly";
        }
        if (isSupervisor()) {
            return "/giam-sat";
        }
        if (isAdmin()) {
            return "/quan-tri";
        }
        return null;
    }

    private String claim(String name) {
        if (!isSignedIn() || idToken == null) {
            return null;
        }
        Object value = idToken.getClaim(name);
        return value == null ? null : value.toString();
    }
}
