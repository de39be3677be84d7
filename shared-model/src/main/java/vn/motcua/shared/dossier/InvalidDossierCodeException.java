package vn.motcua.shared.dossier;

/** A string that is not a dossier code, or arguments that cannot make one; {@link #reason()} says which rule failed. */
public class InvalidDossierCodeException extends IllegalArgumentException {

    /** The ways a dossier code can be wrong. */
    public enum Reason {
        /** Null or blank. */
        EMPTY,
        /** Not 25 characters long. */
        WRONG_LENGTH,
        /** A '.' or '-' missing or in the wrong place. */
        MISPLACED_SEPARATOR,
        /** A character of the agency identity code (V1V2V3.Z1Z2.Y1Y2.MX1X2) of the wrong kind. */
        INVALID_AGENCY_CODE,
        /** The receipt date YYMMDD is not digits or not a calendar date, or outside 2000–2099. */
        INVALID_DATE,
        /** The sequence is not 4 digits or outside 0001–9999. */
        SEQUENCE_OUT_OF_RANGE
    }

    private final Reason reason;
    private final String input;

    public InvalidDossierCodeException(Reason reason, String input, String message) {
        super(message);
        this.reason = reason;
        this.input = input;
    }

    public Reason reason() {
        return reason;
    }

    /** The rejected text, as given. */
    public String input() {
        return input;
    }
}
