package vn.motcua.documents;

import java.util.ArrayList;
import java.util.List;

import static vn.motcua.documents.Pdf.b;
import static vn.motcua.documents.Pdf.r;

/** Pieces the forms share. */
final class Forms {
    static final String CIRCULAR = "Thông tư số 03/2025/TT-VPCP";

    private Forms() {
    }

    static String subject(String number) {
        return number + ", Phụ lục I " + CIRCULAR;
    }

    static String or(String text) {
        return text == null || text.isBlank() ? "……………" : text;
    }

    /** A field the form is not valid without. */
    static void required(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the form needs " + what);
        }
    }

    static String blank(String text) {
        return text == null ? "" : text;
    }

    static String number(String documentNumber) {
        return documentNumber == null || documentNumber.isBlank() ? null : "Số: " + documentNumber;
    }

    /** The place and date line for an instant, in Vietnam's time. */
    static String dateLine(Issuer issuer, java.time.OffsetDateTime at) {
        return VnFormat.placeAndDate(issuer.place(), at.atZoneSameInstant(VnFormat.VIETNAM).toLocalDate());
    }

    /** Ông/Bà, address, phone and e-mail lines of the applicant. */
    static void applicant(Pdf pdf, Applicant a, float fs) {
        pdf.paragraph(fs, Pdf.Align.LEFT, 0, r("Ông/Bà: "), b(a.fullName()));
        if (a.capacity() != null && !a.capacity().isBlank()) {
            pdf.paragraph(fs, Pdf.Align.LEFT, 0, r(a.capacity()));
        }
        pdf.paragraph(fs, Pdf.Align.LEFT, 0, r("Địa chỉ: " + or(a.address())));
        List<Pdf.Run> contact = new ArrayList<>();
        contact.add(r("Số điện thoại: " + or(a.phone())));
        contact.add(r("     Email: " + or(a.email())));
        pdf.paragraph(fs, Pdf.Align.LEFT, 0, contact);
    }
}
