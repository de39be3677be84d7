package vn.motcua.shared.events.intake;

/**
 * Who the applicant is (issue 24): a citizen for themselves, an organisation (by its tax code, submitted by a
 * person acting for it), or a citizen's authorised representative (người đại diện theo ủy quyền, with the
 * authorisation document recorded at reception).
 */
public enum ApplicantKind {
    CITIZEN,
    ORGANISATION,
    REPRESENTATIVE
}
