package vn.motcua.notification.domain;

/** Who a rule tells. */
public enum Audience {
    /** The applicant (người nộp hồ sơ), at the contacts given at reception. */
    APPLICANT,
    /** The agency the event names (the task's, the one at fault, the lead agency), at its catalogue contacts. */
    AGENCY,
    /** The supervisors (Văn phòng UBND), at the configured addresses. */
    SUPERVISOR,
    /** Integrators' webhooks subscribed to the event type. */
    SUBSCRIBERS
}
