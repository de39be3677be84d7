package vn.motcua.documents;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Form 07 of Circular 03/2025 (06 of Circular 01/2018), Sổ theo dõi hồ sơ: the pages of a period. */
public record LogBookData(Issuer issuer, String book, LocalDate from, LocalDate to, List<Entry> entries,
                          OffsetDateTime issuedAt) {
    public LogBookData {
        entries = List.copyOf(entries);
    }

    /**
     * One dossier of the log book; dates not yet reached are null.
     *
     * @param leadAgency cơ quan chủ trì giải quyết
     */
    public record Entry(int number, String dossierCode, String procedure, int sets, String applicant,
                        String addressAndPhone, String leadAgency, OffsetDateTime receivedAt,
                        OffsetDateTime appointmentAt, OffsetDateTime transferredAt, OffsetDateTime resolvedAt,
                        OffsetDateTime returnedAt, String note) {
    }
}
