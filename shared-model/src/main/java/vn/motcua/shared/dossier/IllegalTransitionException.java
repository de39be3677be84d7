package vn.motcua.shared.dossier;

/**
 * The action is not allowed in the dossier's current state. Services answer 409 (problem type
 * e.g. {@code .../illegal-transition}) with {@code from}, {@code action} and, when known, {@code to}.
 */
public class IllegalTransitionException extends RuntimeException {
    private final DossierState from;
    private final DossierAction action;
    private final DossierState to;

    public IllegalTransitionException(DossierState from, DossierAction action, DossierState to) {
        super(message(from, action, to));
        this.from = from;
        this.action = action;
        this.to = to;
    }

    private static String message(DossierState from, DossierAction action, DossierState to) {
        String target = to == null ? "" : " to " + to;
        return "cannot " + action + " a dossier in state " + from + " (" + from.nationalStatus().label() + ")"
                + target + "; allowed: " + DossierStateMachine.exitsFrom(from).stream()
                .map(t -> t.action() + "->" + t.to()).toList();
    }

    public DossierState from() {
        return from;
    }

    public DossierAction action() {
        return action;
    }

    /** The state the caller tried to reach, or null when it only named an action. */
    public DossierState to() {
        return to;
    }
}
