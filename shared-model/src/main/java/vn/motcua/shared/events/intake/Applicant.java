package vn.motcua.shared.events.intake;

import vn.motcua.shared.events.OptionalField;

/**
 * How to reach the applicant (người nộp hồ sơ). Travels only on the events notification needs to tell
 * the applicant something; never with the citizen ID.
 */
public record Applicant(String fullName, @OptionalField String phone, @OptionalField String email,
                        @OptionalField String address) {
}
