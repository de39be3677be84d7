package vn.motcua.routing.domain;

/** Where an agency task stands in its agency's queue. */
public enum TaskStatus {
    /** In the agency's queue, nobody has taken it yet. */
    ASSIGNED,
    /** An officer of the agency took it (claimedBy). */
    CLAIMED,
    /** The officer decided the step (outcome). */
    COMPLETED,
    /** Closed without a decision because the dossier ended elsewhere (a parallel step rejected it). */
    CANCELLED;

    public boolean open() {
        return this == ASSIGNED || this == CLAIMED;
    }
}
