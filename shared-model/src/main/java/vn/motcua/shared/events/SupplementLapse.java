package vn.motcua.shared.events;

/**
 * What becomes of a dossier whose applicant let the supply-by date of a request for supplement (hạn bổ sung, Form 02)
 * pass without supplying: the procedure's rule, catalogue data per version (docs/LEGAL-BASIS.md).
 */
public enum SupplementLapse {
    /** The dossier is returned to the applicant (trả lại hồ sơ): processing ends without a decision. */
    RETURN,
    /** Processing is stopped (dừng giải quyết, national status 8) with a stop notice (Form 05). */
    STOP,
    /** Nothing automatic: the dossier stays paused, on the supervisors' list, until an officer acts. */
    WAIT
}
