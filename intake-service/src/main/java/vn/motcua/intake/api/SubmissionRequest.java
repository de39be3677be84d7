package vn.motcua.intake.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Body of {@code POST /api/public/submissions}: a dossier a citizen submits online to a one-stop unit
 * (the unit's identity code, as listed in the catalogue). Applicant and documents as at the counter, and, as there,
 * the applicant's {@code commune}: once the submission is accepted, the agency competent there processes it
 * (territorial competence, issue 20, item 6).
 */
public record SubmissionRequest(
        @NotBlank @Size(max = 64) String procedureCode,
        @NotBlank @Size(max = 13) String unitCode,
        @NotNull @Valid ReceptionRequest.Applicant applicant,
        @NotEmpty @Size(max = 50) List<ReceptionRequest.@NotNull @Valid Document> documents,
        @Pattern(regexp = "[0-9]{5}", message = "mã xã, phường phải gồm đúng 5 chữ số") String commune) {

    /** A submission without the applicant's commune (the procedure's published plan). */
    public SubmissionRequest(String procedureCode, String unitCode, ReceptionRequest.Applicant applicant,
                             List<ReceptionRequest.Document> documents) {
        this(procedureCode, unitCode, applicant, documents, null);
    }
}
