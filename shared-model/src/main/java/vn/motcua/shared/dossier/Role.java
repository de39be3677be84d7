package vn.motcua.shared.dossier;

import java.util.Arrays;
import java.util.Optional;

/**
 * Who may cause a transition: the Keycloak realm roles, plus the system itself (schedulers, event
 * consumers). {@code admin} runs the system and its catalogue, not dossiers, so no transition lists it.
 */
public enum Role {
    COUNTER_OFFICER("counter-officer"),
    AGENCY_OFFICER("agency-officer"),
    SUPERVISOR("supervisor"),
    ADMIN("admin"),
    CITIZEN("citizen"),
    SYSTEM("system");

    private final String roleName;

    Role(String roleName) {
        this.roleName = roleName;
    }

    /** The realm role name as it appears in tokens ({@code system} has no token). */
    public String roleName() {
        return roleName;
    }

    public static Optional<Role> ofRoleName(String name) {
        return Arrays.stream(values()).filter(r -> r.roleName.equals(name)).findFirst();
    }
}
