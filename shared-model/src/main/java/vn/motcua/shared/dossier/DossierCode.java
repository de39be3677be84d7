package vn.motcua.shared.dossier;

import vn.motcua.shared.dossier.InvalidDossierCodeException.Reason;

import vn.motcua.shared.events.EventJson;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Mã hồ sơ: {@code V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX} (Circular 03/2025/TT-VPCP, guiding Decree
 * 118/2025/NĐ-CP, which replaced Decree 61/2018 and Circular 01/2018 in 2025; docs/LEGAL-BASIS.md says what
 * of the layout was checked against the 2025 text): the receiving unit's identity code, the receipt date in
 * Vietnam's time, and a 4-digit sequence per unit per day, e.g. {@code 000.17.22.H56-210531-0001}.
 *
 * <p>The identity code follows QCVN 102:2016/BTTTT: four groups from the level-4 unit down to level 1,
 * {@code V1V2V3} (3 digits), {@code Z1Z2} and {@code Y1Y2} (2 digits each; zeros where the level does not
 * apply), and {@code MX1X2}, a capital letter for the kind of level-1 body (e.g. G for ministries, H for
 * provinces) followed by 2 digits. Any capital Latin letter is accepted for M: the list of letters in use
 * can grow, and refusing a real unit's code would be worse than accepting an unused letter.
 *
 * <p>The sequence itself is allocated by intake (unique per unit and day under concurrency); this type
 * only formats and validates.
 */
public record DossierCode(String unitCode, LocalDate receiptDate, int sequence) implements Comparable<DossierCode> {
    public static final int MAX_SEQUENCE = 9999;
    public static final int LENGTH = 25;

    /** The pattern of a code, for documentation and input masks; {@link #parse} says which part is wrong. */
    public static final String PATTERN = "[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}-[0-9]{6}-[0-9]{4}";

    private static final int UNIT_LENGTH = 13;
    private static final String UNIT_SHAPE = "DDD.DD.DD.LDD";
    private static final String[] UNIT_PARTS = {
            "V1V2V3 (level-4 unit)", "V1V2V3 (level-4 unit)", "V1V2V3 (level-4 unit)", null,
            "Z1Z2 (level-3 unit)", "Z1Z2 (level-3 unit)", null,
            "Y1Y2 (level-2 unit)", "Y1Y2 (level-2 unit)", null,
            "M (kind of level-1 body)", "X1X2 (level-1 unit)", "X1X2 (level-1 unit)"};

    public DossierCode {
        UnitCodeProblem problem = unitCodeProblem(unitCode);
        if (problem != null) {
            throw new InvalidDossierCodeException(problem.reason(), unitCode, problem.message());
        }
        if (receiptDate == null || receiptDate.getYear() < 2000 || receiptDate.getYear() > 2099) {
            throw new InvalidDossierCodeException(Reason.INVALID_DATE, String.valueOf(receiptDate),
                    "receipt date " + receiptDate + " cannot be written as YYMMDD (years 2000-2099)");
        }
        if (sequence < 1 || sequence > MAX_SEQUENCE) {
            throw new InvalidDossierCodeException(Reason.SEQUENCE_OUT_OF_RANGE, String.valueOf(sequence),
                    "sequence " + sequence + " is outside 1-" + MAX_SEQUENCE);
        }
    }

    /** The code of a dossier received at {@code receivedAt}, dated in Vietnam's time zone. */
    public static DossierCode of(String unitCode, OffsetDateTime receivedAt, int sequence) {
        if (receivedAt == null) {
            throw new InvalidDossierCodeException(Reason.INVALID_DATE, null, "receipt time is required");
        }
        return new DossierCode(unitCode, receivedAt.atZoneSameInstant(EventJson.VIETNAM).toLocalDate(), sequence);
    }

    /** The code text of a dossier received at {@code receivedAt}, e.g. {@code 000.17.22.H56-250601-0001}. */
    public static String format(String unitCode, OffsetDateTime receivedAt, int sequence) {
        return of(unitCode, receivedAt, sequence).value();
    }

    /** Reads a code, saying exactly what is wrong with it otherwise. */
    public static DossierCode parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidDossierCodeException(Reason.EMPTY, text, "dossier code is empty");
        }
        if (text.length() != LENGTH) {
            throw new InvalidDossierCodeException(Reason.WRONG_LENGTH, text, "dossier code '" + text + "' has "
                    + text.length() + " characters, not " + LENGTH + " (V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX)");
        }
        for (int at : new int[]{UNIT_LENGTH, UNIT_LENGTH + 7}) {
            if (text.charAt(at) != '-') {
                throw new InvalidDossierCodeException(Reason.MISPLACED_SEPARATOR, text,
                        describe(text, at) + " must be '-'");
            }
        }
        String unit = text.substring(0, UNIT_LENGTH);
        UnitCodeProblem problem = unitCodeProblem(unit);
        if (problem != null) {
            throw new InvalidDossierCodeException(problem.reason(), text, "dossier code '" + text + "': " + problem.message());
        }
        String date = text.substring(UNIT_LENGTH + 1, UNIT_LENGTH + 7);
        for (int i = 0; i < date.length(); i++) {
            if (!isDigit(date.charAt(i))) {
                throw new InvalidDossierCodeException(Reason.INVALID_DATE, text,
                        describe(text, UNIT_LENGTH + 1 + i) + " must be a digit of the receipt date YYMMDD");
            }
        }
        LocalDate receiptDate;
        try {
            receiptDate = LocalDate.of(2000 + Integer.parseInt(date.substring(0, 2)),
                    Integer.parseInt(date.substring(2, 4)), Integer.parseInt(date.substring(4, 6)));
        } catch (DateTimeException e) {
            throw new InvalidDossierCodeException(Reason.INVALID_DATE, text,
                    "dossier code '" + text + "': receipt date " + date + " is not a calendar date (YYMMDD)");
        }
        String sequenceText = text.substring(UNIT_LENGTH + 8);
        for (int i = 0; i < sequenceText.length(); i++) {
            if (!isDigit(sequenceText.charAt(i))) {
                throw new InvalidDossierCodeException(Reason.SEQUENCE_OUT_OF_RANGE, text,
                        describe(text, UNIT_LENGTH + 8 + i) + " must be a digit of the sequence XXXX");
            }
        }
        int sequence = Integer.parseInt(sequenceText);
        if (sequence == 0) {
            throw new InvalidDossierCodeException(Reason.SEQUENCE_OUT_OF_RANGE, text,
                    "dossier code '" + text + "': sequence 0000 is outside 0001-9999");
        }
        return new DossierCode(unit, receiptDate, sequence);
    }

    /** Whether {@code text} is a well-formed dossier code. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidDossierCodeException e) {
            return false;
        }
    }

    /** Whether {@code unitCode} is a well-formed agency identity code {@code V1V2V3.Z1Z2.Y1Y2.MX1X2}. */
    public static boolean isValidUnitCode(String unitCode) {
        return unitCodeProblem(unitCode) == null;
    }

    /** The code as printed on the receipt, e.g. {@code 000.17.22.H56-210531-0001}. */
    public String value() {
        return String.format("%s-%02d%02d%02d-%04d", unitCode, receiptDate.getYear() % 100,
                receiptDate.getMonthValue(), receiptDate.getDayOfMonth(), sequence);
    }

    @Override
    public String toString() {
        return value();
    }

    /** Orders by unit, then receipt date, then sequence: the order of the log book. */
    @Override
    public int compareTo(DossierCode other) {
        int byUnit = unitCode.compareTo(other.unitCode);
        if (byUnit != 0) {
            return byUnit;
        }
        int byDate = receiptDate.compareTo(other.receiptDate);
        return byDate != 0 ? byDate : Integer.compare(sequence, other.sequence);
    }

    private record UnitCodeProblem(Reason reason, String message) {
    }

    private static UnitCodeProblem unitCodeProblem(String unit) {
        if (unit == null || unit.isEmpty()) {
            return new UnitCodeProblem(Reason.INVALID_AGENCY_CODE, "agency identity code is empty");
        }
        if (unit.length() != UNIT_LENGTH) {
            return new UnitCodeProblem(Reason.INVALID_AGENCY_CODE, "agency identity code '" + unit + "' has "
                    + unit.length() + " characters, not " + UNIT_LENGTH + " (V1V2V3.Z1Z2.Y1Y2.MX1X2)");
        }
        for (int i = 0; i < UNIT_LENGTH; i++) {
            char c = unit.charAt(i);
            switch (UNIT_SHAPE.charAt(i)) {
                case '.' -> {
                    if (c != '.') {
                        return new UnitCodeProblem(Reason.MISPLACED_SEPARATOR, describe(unit, i) + " must be '.'");
                    }
                }
                case 'L' -> {
                    if (c < 'A' || c > 'Z') {
                        return new UnitCodeProblem(Reason.INVALID_AGENCY_CODE,
                                describe(unit, i) + " must be a capital letter: " + UNIT_PARTS[i]);
                    }
                }
                default -> {
                    if (!isDigit(c)) {
                        return new UnitCodeProblem(Reason.INVALID_AGENCY_CODE,
                                describe(unit, i) + " must be a digit: " + UNIT_PARTS[i]);
                    }
                }
            }
        }
        return null;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String describe(String text, int index) {
        return "character " + (index + 1) + " ('" + text.charAt(index) + "') of '" + text + "'";
    }
}
