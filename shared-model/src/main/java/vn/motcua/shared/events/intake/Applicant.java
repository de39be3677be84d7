package vn.motcua.shared.events.intake;

import vn.motcua.shared.events.OptionalField;

/**
 * How to reach the applicant (người nộp hồ sơ). Travels only on the events notification needs to tell
 * the applicant something; never with the citizen ID.
 *
 * @param fullName         the person who submitted and is contacted (a representative: themselves)
 * @param kind             absent means {@link ApplicantKind#CITIZEN}
 * @param organisationName the organisation an {@link ApplicantKind#ORGANISATION} applicant submits for
 * @param taxCode          that organisation's tax code (mã số thuế)
 * @param representedName  the citizen a {@link ApplicantKind#REPRESENTATIVE} acts for
 */
public record Applicant(String fullName, @OptionalField String phone, @OptionalField String email,
                        @OptionalField String address, @OptionalField ApplicantKind kind,
                        @OptionalField String organisationName, @OptionalField String taxCode,
                        @OptionalField String representedName) {

    /** A citizen applying for themselves. */
    public Applicant(String fullName, String phone, String email, String address) {
        this(fullName, phone, email, address, null, null, null, null);
    }

    /**
     * Whom letters and messages address: an organisation by its name; a representative by their own name
     * (they submitted and they follow the dossier up); a citizen by their name.
     */
    public String addressee() {
        return kind == ApplicantKind.ORGANISATION && organisationName != null ? organisationName : fullName;
    }
}
