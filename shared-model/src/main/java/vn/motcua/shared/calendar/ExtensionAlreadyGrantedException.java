package vn.motcua.shared.calendar;

/**
 * A dossier's deadline may be extended once (the apology and new appointment, phiếu xin lỗi và hẹn
 * lại ngày trả kết quả); a second extension is refused. Services map this to 409.
 */
public class ExtensionAlreadyGrantedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public ExtensionAlreadyGrantedException(DeadlineClock.Extension existing) {
        super("the deadline was already extended on " + existing.grantedAt() + " to " + existing.newDue());
    }
}
