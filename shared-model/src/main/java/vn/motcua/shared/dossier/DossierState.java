package vn.motcua.shared.dossier;

/**
 * Where a dossier stands. Each state maps onto one national status code; two states share code 5
 * because a supplement asked before reception must lead back to the check, and one asked during
 * processing back to processing.
 */
public enum DossierState {
    /** An online submission waiting for an officer's check. */
    SUBMITTED(NationalStatus.NEWLY_REGISTERED, "Hồ sơ đã nộp trực tuyến, đang chờ cán bộ kiểm tra"),
    /** The officer's check found something missing (Form 02) before reception. */
    SUBMISSION_SUPPLEMENT_REQUESTED(NationalStatus.SUPPLEMENT_REQUESTED,
            "Hồ sơ cần bổ sung, hoàn thiện trước khi được tiếp nhận"),
    RECEIVED(NationalStatus.ACCEPTED, "Hồ sơ đã được tiếp nhận"),
    REFUSED(NationalStatus.NOT_ACCEPTED, "Hồ sơ không được tiếp nhận"),
    IN_PROCESS(NationalStatus.IN_PROCESS, "Hồ sơ đang được giải quyết"),
    /** A supplement asked during processing; the deadline clock is paused. */
    SUPPLEMENT_REQUESTED(NationalStatus.SUPPLEMENT_REQUESTED,
            "Hồ sơ cần bổ sung, hoàn thiện; thời hạn giải quyết tạm dừng"),
    AWAITING_PAYMENT(NationalStatus.FINANCIAL_OBLIGATION, "Chờ thực hiện nghĩa vụ tài chính"),
    WITHDRAWN(NationalStatus.WITHDRAWN, "Hồ sơ đã được rút theo yêu cầu"),
    STOPPED(NationalStatus.STOPPED, "Hồ sơ đã dừng giải quyết"),
    PROCESSED(NationalStatus.PROCESSED, "Hồ sơ đã giải quyết xong, chờ trả kết quả"),
    RESULT_RETURNED(NationalStatus.RESULT_RETURNED, "Đã trả kết quả");

    private final NationalStatus nationalStatus;
    private final String citizenText;

    DossierState(NationalStatus nationalStatus, String citizenText) {
        this.nationalStatus = nationalStatus;
        this.citizenText = citizenText;
    }

    public NationalStatus nationalStatus() {
        return nationalStatus;
    }

    /** The national portal's status code, 1–10. */
    public int nationalStatusCode() {
        return nationalStatus.code();
    }

    /** What a citizen sees on the public status page. */
    public String citizenText() {
        return citizenText;
    }

    /** No action leads out of this state. */
    public boolean isTerminal() {
        return DossierStateMachine.exitsFrom(this).isEmpty();
    }
}
