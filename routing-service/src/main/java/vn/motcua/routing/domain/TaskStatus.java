package vn.motcua.routing.domain;

/** Where an agency task stands in its agency's queue. */
public enum TaskStatus {
    /** In the agency's queue, nobody has taken it yet. */
    ASSIGNED,
    /** An officer of the agency took it (claimedBy). */
    CLAIMED,
    /** The officer decided the step (outcome). */
    COMPLETED,
    /** Sent back to the previous step with a reason (trả lại bước trước); the step opens again later. */
    RETURNED,
    /** Moved to another agency (misrouted); that agency's new task carries the step on. */
    TRANSFERRED,
    /**
     * Closed without a decision: the dossier ended elsewhere (a parallel step rejected it, processing
     * stopped), or a sibling's return restarts the stage.
     */
    CANCELLED;

    public boolean open() {
        return this == ASSIGNED || this == CLAIMED;
    }
}
