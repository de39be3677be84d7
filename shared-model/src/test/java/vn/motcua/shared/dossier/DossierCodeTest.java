package vn.motcua.shared.dossier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.motcua.shared.dossier.InvalidDossierCodeException.Reason;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DossierCodeTest {

    @Test
    void theExampleOfTheDomainParses() {
        DossierCode code = DossierCode.parse("000.17.22.H56-210531-0001");
        assertEquals("000.17.22.H56", code.unitCode());
        assertEquals(LocalDate.of(2021, 5, 31), code.receiptDate());
        assertEquals(1, code.sequence());
        assertEquals("000.17.22.H56-210531-0001", code.value());
        assertEquals("000.17.22.H56-210531-0001", code.toString());
    }

    @Test
    void receiptDateIsTakenInVietnamTime() {
        OffsetDateTime eveningUtc = OffsetDateTime.of(2025, 5, 31, 18, 0, 0, 0, ZoneOffset.UTC);
        assertEquals("000.00.31.H29-250601-0042", DossierCode.format("000.00.31.H29", eveningUtc, 42));
        OffsetDateTime justBeforeMidnight = OffsetDateTime.of(2025, 5, 31, 16, 59, 59, 0, ZoneOffset.UTC);
        assertEquals(LocalDate.of(2025, 5, 31), DossierCode.of("000.00.31.H29", justBeforeMidnight, 1).receiptDate());
        OffsetDateTime local = OffsetDateTime.of(2025, 12, 31, 23, 30, 0, 0, ZoneOffset.ofHours(7));
        assertEquals("000.00.00.G14-251231-9999", DossierCode.format("000.00.00.G14", local, 9999));
    }

    @ParameterizedTest(name = "sequence {0}")
    @CsvSource({"0", "-1", "10000", "2147483647"})
    void sequenceOutsideOneTo9999IsAnError(int sequence) {
        var e = assertThrows(InvalidDossierCodeException.class,
                () -> DossierCode.format("000.17.22.H56", OffsetDateTime.now(), sequence));
        assertEquals(Reason.SEQUENCE_OUT_OF_RANGE, e.reason());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "''                          | EMPTY               | empty",
            "'   '                       | EMPTY               | empty",
            "000.17.22.H56-210531-001    | WRONG_LENGTH        | 24 characters",
            "000.17.22.H56-210531-00011  | WRONG_LENGTH        | 26 characters",
            "000.17.22.H56_210531-0001   | MISPLACED_SEPARATOR | character 14 ('_')",
            "000.17.22.H56-210531/0001   | MISPLACED_SEPARATOR | character 21 ('/')",
            "000-17.22.H56-210531-0001   | MISPLACED_SEPARATOR | character 4 ('-')",
            "0A0.17.22.H56-210531-0001   | INVALID_AGENCY_CODE | V1V2V3",
            "000.1X.22.H56-210531-0001   | INVALID_AGENCY_CODE | Z1Z2",
            "000.17.2 .H56-210531-0001   | INVALID_AGENCY_CODE | Y1Y2",
            "000.17.22.h56-210531-0001   | INVALID_AGENCY_CODE | capital letter",
            "000.17.22.556-210531-0001   | INVALID_AGENCY_CODE | capital letter",
            "000.17.22.H5Z-210531-0001   | INVALID_AGENCY_CODE | X1X2",
            "000.17.22.H56-21O531-0001   | INVALID_DATE        | receipt date",
            "000.17.22.H56-210229-0001   | INVALID_DATE        | 210229 is not a calendar date",
            "000.17.22.H56-211301-0001   | INVALID_DATE        | not a calendar date",
            "000.17.22.H56-210500-0001   | INVALID_DATE        | not a calendar date",
            "000.17.22.H56-210531-0000   | SEQUENCE_OUT_OF_RANGE | 0000",
            "000.17.22.H56-210531-00a1   | SEQUENCE_OUT_OF_RANGE | sequence XXXX"})
    void eachWayOfBeingWrongHasItsOwnReasonAndMessage(String text, Reason reason, String inMessage) {
        var e = assertThrows(InvalidDossierCodeException.class, () -> DossierCode.parse(text));
        assertEquals(reason, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains(inMessage), e.getMessage());
        assertEquals(text, e.input());
    }

    @Test
    void nullIsEmpty() {
        assertEquals(Reason.EMPTY, assertThrows(InvalidDossierCodeException.class, () -> DossierCode.parse(null)).reason());
        assertFalse(DossierCode.isValid(null));
    }

    @Test
    void leapDayParses() {
        assertEquals(LocalDate.of(2024, 2, 29), DossierCode.parse("000.17.22.H56-240229-0001").receiptDate());
    }

    @Test
    void unitCodesAreValidated() {
        assertTrue(DossierCode.isValidUnitCode("000.17.22.H56"));
        assertTrue(DossierCode.isValidUnitCode("000.00.04.G14"));
        assertFalse(DossierCode.isValidUnitCode("H56"));
        assertFalse(DossierCode.isValidUnitCode("000.17.22.H56 "));
        assertFalse(DossierCode.isValidUnitCode(null));
        var e = assertThrows(InvalidDossierCodeException.class,
                () -> DossierCode.format("000.17.22.56H", OffsetDateTime.now(), 1));
        assertEquals(Reason.INVALID_AGENCY_CODE, e.reason());
        assertThrows(InvalidDossierCodeException.class, () -> DossierCode.format("000.17.22.H56", null, 1));
        assertThrows(InvalidDossierCodeException.class,
                () -> DossierCode.format("000.17.22.H56", OffsetDateTime.of(2100, 1, 1, 12, 0, 0, 0, ZoneOffset.ofHours(7)), 1));
    }

    @Test
    void codesSortLikeTheLogBook() {
        var a = DossierCode.parse("000.17.22.H56-250601-0002");
        var b = DossierCode.parse("000.17.22.H56-250601-0010");
        var c = DossierCode.parse("000.17.22.H56-250602-0001");
        assertTrue(a.compareTo(b) < 0 && b.compareTo(c) < 0 && c.compareTo(a) > 0);
        assertEquals(0, a.compareTo(DossierCode.parse(a.value())));
        assertEquals(a, DossierCode.parse(a.value()));
    }
}
