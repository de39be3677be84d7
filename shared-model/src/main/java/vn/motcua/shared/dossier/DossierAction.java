package vn.motcua.shared.dossier;

/** What someone (or the system) does to a dossier. */
public enum DossierAction {
    /** Tiếp nhận: the check passed, the dossier gets its code and appointment. */
    RECEIVE,
    /** Từ chối tiếp nhận (Form 03). */
    REFUSE,
    /** Yêu cầu bổ sung, hoàn thiện (Form 02). */
    REQUEST_SUPPLEMENT,
    SUPPLY_SUPPLEMENT,
    /** Routing instantiated the plan and handed the dossier to the first agency. */
    START_PROCESSING,
    /** Yêu cầu thực hiện nghĩa vụ tài chính. */
    REQUEST_PAYMENT,
    CONFIRM_PAYMENT,
    /** The single new appointment with apology (Form 04); the state does not change. */
    GRANT_EXTENSION,
    /** Dừng xử lý. */
    STOP_PROCESSING,
    /** The result is decided (approved or rejected). */
    DECIDE,
    /** Trả kết quả: at the counter, by post or online. */
    RETURN_RESULT,
    /** Công dân xin rút hồ sơ. */
    WITHDRAW
}
