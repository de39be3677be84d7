package vn.motcua.shared.events;

/** A stage of a routing plan is one step, or several steps that run in parallel. */
public enum StageKind {
    SINGLE,
    PARALLEL
}
