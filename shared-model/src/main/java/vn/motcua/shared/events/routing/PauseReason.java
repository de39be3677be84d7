package vn.motcua.shared.events.routing;

/** Why the deadline clock stopped. */
public enum PauseReason {
    /** Yêu cầu bổ sung: waiting for the applicant's supplement. */
    SUPPLEMENT_REQUESTED,
    /** Yêu cầu nghĩa vụ tài chính: waiting for a payment. */
    FINANCIAL_OBLIGATION
}
