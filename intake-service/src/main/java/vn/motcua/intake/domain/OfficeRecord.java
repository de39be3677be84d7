package vn.motcua.intake.domain;

import java.time.OffsetDateTime;

/**
 * An agency or a one-stop unit as the API and the catalogue export show it and take it.
 *
 * @param code      the agency code (the {@code agency} claim) or the unit's identity code (QCVN 102:2016)
 * @param level     MINISTRY, PROVINCE or COMMUNE
 * @param active    absent means true
 * @param updatedAt when it last changed; ignored on input
 */
public record OfficeRecord(String code, String name, String level, String parentCode, String address, String email,
                           String phone, Boolean active, OffsetDateTime updatedAt) {

    public OfficeRecord normalized() {
        return new OfficeRecord(ProcedureContent.text(code), ProcedureContent.text(name), ProcedureContent.text(level),
                ProcedureContent.text(parentCode), ProcedureContent.text(address), ProcedureContent.text(email),
                ProcedureContent.text(phone), active == null ? Boolean.TRUE : active, updatedAt);
    }
}
