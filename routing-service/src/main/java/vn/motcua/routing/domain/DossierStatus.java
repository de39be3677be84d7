package vn.motcua.routing.domain;

import java.util.EnumSet;
import java.util.Set;

/** Where a routed dossier stands in routing (the national status codes in brackets). */
public enum DossierStatus {
    /** Agencies are working on it; the clock runs (4, đang xử lý). */
    IN_PROGRESS,
    /** An agency asked the applicant for a supplement; the clock stands still (5, yêu cầu bổ sung). */
    SUPPLEMENT_REQUESTED,
    /** An agency asked the applicant to pay a fee or tax; the clock stands still (6, nghĩa vụ tài chính). */
    FINANCIAL_OBLIGATION,
    /** The applicant withdrew it before a result (7, công dân xin rút); recorded by intake. */
    WITHDRAWN,
    /** Processing stopped for good with a notice (8, dừng xử lý). */
    STOPPED,
    /** Decided, approved or rejected (9, đã xử lý xong); see the outcome. */
    PROCESSED;

    public static final Set<DossierStatus> PAUSED = EnumSet.of(SUPPLEMENT_REQUESTED, FINANCIAL_OBLIGATION);

    public boolean paused() {
        return PAUSED.contains(this);
    }

    public boolean ended() {
        return this == WITHDRAWN || this == STOPPED || this == PROCESSED;
    }
}
