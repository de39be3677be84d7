package vn.motcua.intake.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Body of {@code POST /api/public/submissions}: a dossier a citizen submits online to a one-stop unit
 * (the unit's identity code, as listed in the catalogue). Applicant and documents as at the counter.
 */
public record SubmissionRequest(
        @NotBlank @Size(max = 64) String procedureCode,
        @NotBlank @Size(max = 13) String unitCode,
        @NotNull @Valid ReceptionRequest.Applicant applicant,
        @NotEmpty @Size(max = 50) List<ReceptionRequest.@NotNull @Valid Document> documents) {
}
