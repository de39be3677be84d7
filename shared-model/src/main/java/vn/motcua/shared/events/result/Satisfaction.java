package vn.motcua.shared.events.result;

/** A citizen's rating of one criterion. */
public enum Satisfaction {
    /** Rất hài lòng. */
    VERY_SATISFIED,
    /** Hài lòng. */
    SATISFIED,
    /** Bình thường. */
    NEUTRAL,
    /** Không hài lòng. */
    DISSATISFIED
}
