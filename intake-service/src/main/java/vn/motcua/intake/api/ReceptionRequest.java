package vn.motcua.intake.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.motcua.shared.events.DocumentForm;
import vn.motcua.shared.events.intake.ApplicantKind;
import vn.motcua.shared.events.ReceptionChannel;
import vn.motcua.shared.events.ReturnChannel;

import java.util.List;

/**
 * Body of {@code POST /api/dossiers}: a dossier handed in at the counter, by post, or online.
 * {@code returnChannel} is how the applicant wants the result back (default {@code COUNTER}); with {@code POST}
 * the result goes to {@code returnAddress}, or to the applicant's address when none is given. {@code commune}, the
 * applicant's commune, picks the agency competent there (territorial competence, issue 20, item 6); without it the
 * procedure's published plan.
 */
public record ReceptionRequest(
        @NotBlank @Size(max = 64) String procedureCode,
        @NotNull ReceptionChannel channel,
        @NotNull @Valid Applicant applicant,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid Document> documents,
        ReturnChannel returnChannel,
        @Size(max = 500) String returnAddress,
        /* Số lượng hồ sơ: the sets handed in, printed on Form 01 (default one). */
        @Min(value = 1, message = "số lượng hồ sơ ít nhất là 1 bộ")
        @Max(value = 20, message = "số lượng hồ sơ nhiều nhất là 20 bộ") Integer sets,
        /* The applicant's commune (mã xã, phường: 5 digits): the agency competent there processes the dossier. */
        @Pattern(regexp = "[0-9]{5}", message = "mã xã, phường phải gồm đúng 5 chữ số") String commune) {

    /** The same dossier without a stated return channel (the result is handed back at the counter). */
    public ReceptionRequest(String procedureCode, ReceptionChannel channel, Applicant applicant, List<Document> documents) {
        this(procedureCode, channel, applicant, documents, null, null, null, null);
    }

    /** The same dossier in one set. */
    public ReceptionRequest(String procedureCode, ReceptionChannel channel, Applicant applicant, List<Document> documents,
                            ReturnChannel returnChannel, String returnAddress) {
        this(procedureCode, channel, applicant, documents, returnChannel, returnAddress, null, null);
    }

    /**
     * Người nộp hồ sơ: the person who submits and is contacted. {@code kind} (default {@code CITIZEN}, issue 24):
     * {@code ORGANISATION} needs {@code organisation} (the person submits for it); {@code REPRESENTATIVE} needs
     * {@code represents} (the citizen the person acts for) and {@code authorisation} (the document recorded).
     */
    public record Applicant(
            @NotBlank @Size(max = 200) String fullName,
            /* Số định danh cá nhân (căn cước): 12 digits. */
            @Pattern(regexp = "[0-9]{12}", message = "số định danh cá nhân phải gồm đúng 12 chữ số") String idNumber,
            /* Mobile (0/+84 then 3,5,7,8,9 and 8 digits) or landline (02 and 9 digits). */
            @Pattern(regexp = "(?:(?:0|\\+84)[35789][0-9]{8}|02[0-9]{9})",
                    message = "số điện thoại không hợp lệ (ví dụ 0912345678 hoặc 02437333333)") String phone,
            @Email(message = "địa chỉ thư điện tử không hợp lệ") @Size(max = 254) String email,
            @Size(max = 500) String address,
            ApplicantKind kind,
            @Valid Organisation organisation,
            @Valid Represented represents,
            @Valid Authorisation authorisation) {

        /** A citizen applying for themselves. */
        public Applicant(String fullName, String idNumber, String phone, String email, String address) {
            this(fullName, idNumber, phone, email, address, null, null, null, null);
        }

        public ApplicantKind kindOrCitizen() {
            return kind == null ? ApplicantKind.CITIZEN : kind;
        }
    }

    /** Tổ chức: its name and tax code (mã số thuế: 10 digits, a branch adds a dash and 3 digits). */
    public record Organisation(
            @NotBlank @Size(max = 300) String name,
            @NotBlank @Pattern(regexp = "[0-9]{10}(?:-[0-9]{3})?",
                    message = "mã số thuế gồm 10 chữ số, đơn vị phụ thuộc thêm dấu gạch ngang và 3 chữ số") String taxCode) {
    }

    /** Người được đại diện: the citizen an authorised representative acts for. */
    public record Represented(
            @NotBlank @Size(max = 200) String fullName,
            @Pattern(regexp = "[0-9]{12}", message = "số định danh cá nhân phải gồm đúng 12 chữ số") String idNumber,
            @Size(max = 500) String address) {
    }

    /** Văn bản ủy quyền: its number, date and who certified or issued it. */
    public record Authorisation(
            @NotBlank @Size(max = 100) String number,
            @NotNull java.time.LocalDate date,
            @Size(max = 300) String issuedBy) {
    }

    /** Thành phần hồ sơ: one document and the form and number of copies handed in. */
    public record Document(
            @NotBlank @Size(max = 300) String name,
            @NotNull DocumentForm form,
            @Min(1) @Max(20) Integer copies) {
        public int copiesOrOne() {
            return copies == null ? 1 : copies;
        }
    }
}
