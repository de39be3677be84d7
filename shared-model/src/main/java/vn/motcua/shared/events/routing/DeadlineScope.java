package vn.motcua.shared.events.routing;

/** Whose deadline a warning or an overdue event is about. */
public enum DeadlineScope {
    /** The whole dossier's appointment date. */
    DOSSIER,
    /** One agency's task. */
    TASK
}
