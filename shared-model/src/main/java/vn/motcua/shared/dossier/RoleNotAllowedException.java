package vn.motcua.shared.dossier;

/**
 * The transition exists but this role may not cause it. Services answer 403, or 404 where the caller
 * may not even see the dossier.
 */
public class RoleNotAllowedException extends RuntimeException {
    private final Transition transition;
    private final Role role;

    public RoleNotAllowedException(Transition transition, Role role) {
        super("role " + role.roleName() + " may not " + transition.action() + " a dossier in state "
                + transition.from() + "; allowed roles: "
                + transition.roles().stream().map(Role::roleName).sorted().toList());
        this.transition = transition;
        this.role = role;
    }

    public Transition transition() {
        return transition;
    }

    public Role role() {
        return role;
    }
}
