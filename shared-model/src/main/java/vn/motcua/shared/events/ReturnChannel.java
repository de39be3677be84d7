package vn.motcua.shared.events;

/** How a result was handed back to the applicant. */
public enum ReturnChannel {
    COUNTER,
    POST,
    ONLINE
}
