package vn.motcua.shared.dossier;

import java.util.Set;

/** One allowed step of the state machine and the roles that may take it. */
public record Transition(DossierState from, DossierAction action, DossierState to, Set<Role> roles) {
    public Transition {
        roles = Set.copyOf(roles);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a transition nobody may take: " + from + " " + action);
        }
    }

    public boolean allows(Role role) {
        return roles.contains(role);
    }
}
