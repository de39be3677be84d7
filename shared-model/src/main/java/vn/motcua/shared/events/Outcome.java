package vn.motcua.shared.events;

/** The decision of a step or of the whole dossier. */
public enum Outcome {
    APPROVED,
    REJECTED
}
