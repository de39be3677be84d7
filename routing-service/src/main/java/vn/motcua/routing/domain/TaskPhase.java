package vn.motcua.routing.domain;

/** Where a draft-review-sign step stands inside its agency (issue 24). */
public enum TaskPhase {
    /** Sent back by the reviewer: the drafter fixes the draft (the first draft has no phase yet). */
    DRAFTING,
    /** Drafted, waiting for a reviewer (thẩm định). */
    IN_REVIEW,
    /** Passed by the reviewer, waiting for the head's signature (ký duyệt). */
    AWAITING_SIGNATURE
}
