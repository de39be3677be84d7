package vn.motcua.documents;

/**
 * The person or organisation the form is about (người nộp hồ sơ); any field but the name may be null.
 * {@code capacity} says in what capacity the person submits when not for themselves (issue 24): for an
 * organisation (its name and tax code) or as a citizen's authorised representative (whom, and the
 * authorisation document); printed under the name.
 */
public record Applicant(String fullName, String address, String phone, String email, String capacity) {
    public Applicant {
        if (fullName == null || fullName.isBlank()) {
            throw new IllegalArgumentException("an applicant needs a name");
        }
    }

    public Applicant(String fullName, String address, String phone, String email) {
        this(fullName, address, phone, email, null);
    }
}
