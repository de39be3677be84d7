package vn.motcua.shared.events;

/**
 * How an agency works a step inside itself (issue 24). {@code PLAIN}: an officer decides the step at once, as
 * before. {@code DRAFT_REVIEW_SIGN}: an officer drafts the result (dự thảo), a reviewer checks it and may send
 * it back with a reason (thẩm định), and the head signs (ký duyệt), which issues the agency's document number.
 */
public enum StepFlow {
    PLAIN,
    DRAFT_REVIEW_SIGN
}
