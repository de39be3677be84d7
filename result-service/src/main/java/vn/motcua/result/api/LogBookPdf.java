package vn.motcua.result.api;

import vn.motcua.documents.Issuer;
import vn.motcua.documents.LogBookData;
import vn.motcua.documents.LogBookForm;
import vn.motcua.result.config.ResultConfig;
import vn.motcua.result.domain.LogBook;
import vn.motcua.shared.events.EventJson;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The log book as the PDF of Form 07 (Sổ theo dõi hồ sơ, Circular 03/2025; Form 06 of Circular 01/2018), drawn
 * by the shared {@code documents} module from the same entries as the CSV and XLSX.
 */
final class LogBookPdf {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private LogBookPdf() {
    }

    static byte[] render(ResultConfig.LogBookForm form, LocalDate from, LocalDate to, List<LogBook.Entry> entries,
                         OffsetDateTime issuedAt) {
        Issuer issuer = new Issuer(form.superior().orElse(null), form.issuer(), form.place().orElse(null));
        List<LogBookData.Entry> rows = new ArrayList<>(entries.size());
        int number = 0;
        for (LogBook.Entry e : entries) {
            number++;
            rows.add(new LogBookData.Entry(number, e.code(), e.procedureName(), e.sets(), e.applicantName(),
                    join(e.applicantAddress(), e.applicantPhone()),
                    e.leadAgencyName() != null ? e.leadAgencyName() : e.leadAgency(), e.receivedAt(),
                    e.appointmentAt(), e.transferredAt(), e.resolvedAt(), e.returnedAt(), note(e)));
        }
        // The book number is not kept by the read model: printed as dots, filled in by hand.
        return LogBookForm.render(new LogBookData(issuer, null, from, to, rows, issuedAt));
    }

    /** How the result went back and who took it; or why the dossier ended without one. */
    static String note(LogBook.Entry e) {
        List<String> parts = new ArrayList<>(2);
        if (e.returnChannel() != null) {
            String how = switch (e.returnChannel()) {
                case COUNTER -> "Trả tại Bộ phận Một cửa";
                case POST -> "Trả qua bưu chính" + (e.trackingNumber() == null ? "" : " (" + e.trackingNumber() + ")");
                case ONLINE -> "Trả trực tuyến";
            };
            parts.add(e.resultReceivedBy() == null ? how : how + ", người nhận: " + e.resultReceivedBy());
        }
        if (e.stoppedAt() != null) {
            parts.add("Dừng giải quyết ngày " + day(e.stoppedAt()));
        }
        if (e.withdrawnAt() != null) {
            parts.add("Công dân xin rút ngày " + day(e.withdrawnAt()));
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static String join(String address, String phone) {
        if (address == null || address.isBlank()) {
            return phone;
        }
        return phone == null || phone.isBlank() ? address : address + ", " + phone;
    }

    private static String day(OffsetDateTime at) {
        return at.atZoneSameInstant(EventJson.VIETNAM).format(DAY);
    }
}
