package vn.motcua.documents;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VnFormatTest {
    @Test
    void dateLinePadsDaysBelowTenAndJanuaryAndFebruaryOnly() {
        assertEquals("Hà Nội, ngày 05 tháng 01 năm 2026", VnFormat.placeAndDate("Hà Nội", LocalDate.of(2026, 1, 5)));
        assertEquals("Hà Nội, ngày 28 tháng 02 năm 2026", VnFormat.placeAndDate("Hà Nội", LocalDate.of(2026, 2, 28)));
        assertEquals("Hà Nội, ngày 09 tháng 3 năm 2026", VnFormat.placeAndDate("Hà Nội", LocalDate.of(2026, 3, 9)));
        assertEquals("ngày 23 tháng 11 năm 2026", VnFormat.placeAndDate(null, LocalDate.of(2026, 11, 23)));
    }

    @Test
    void timesAreWrittenInVietnamWhateverTheOffsetGiven() {
        assertEquals("00 giờ 30 phút, ngày 01/01/2027", VnFormat.time(OffsetDateTime.parse("2026-12-31T17:30:00Z")));
        assertEquals("08 giờ 00 phút, ngày 02/03/2026", VnFormat.time(OffsetDateTime.parse("2026-03-02T08:00:00+07:00")));
        assertEquals("01/01/2027", VnFormat.date(OffsetDateTime.parse("2026-12-31T17:30:00Z")));
        assertEquals("", VnFormat.time(null));
    }
}
