package vn.motcua.documents;

/** The person or organisation the form is about (người nộp hồ sơ); any field but the name may be null. */
public record Applicant(String fullName, String address, String phone, String email) {
    public Applicant {
        if (fullName == null || fullName.isBlank()) {
            throw new IllegalArgumentException("an applicant needs a name");
        }
    }
}
