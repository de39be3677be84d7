package vn.motcua.routing.domain;

/** Where a routed dossier stands in routing. */
public enum DossierStatus {
    /** Agencies are working on it (national status 4, đang xử lý). */
    IN_PROGRESS,
    /** Decided, approved or rejected (national status 9, đã xử lý xong); see the outcome. */
    PROCESSED
}
