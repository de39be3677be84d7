package vn.motcua.shared.dossier;

import org.junit.jupiter.api.Test;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.dossier.InvalidDossierCodeException.Reason;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Laws of the dossier code over many generated codes. Plain JUnit with a fixed seed: a failure names
 * the exact input, and a rerun reproduces it.
 */
class DossierCodePropertiesTest {
    private static final long SEED = 20250601L;
    private static final Pattern PATTERN = Pattern.compile(DossierCode.PATTERN);
    private static final long FIRST = OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, EventJson.VIETNAM).toEpochSecond();
    private static final long LAST = OffsetDateTime.of(2099, 12, 31, 23, 59, 59, 0, EventJson.VIETNAM).toEpochSecond();

    /** Separators, digits, both cases, Vietnamese letters, look-alike digits, whitespace and control characters. */
    private static final String REPLACEMENTS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
            + ".-_/ ,:\t\n\u0000đĐƠơÀ０１٣\u00a0";

    private static String digits(SplittableRandom random, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        return s.toString();
    }

    private static String unitCode(SplittableRandom random) {
        return digits(random, 3) + "." + digits(random, 2) + "." + digits(random, 2) + "."
                + (char) ('A' + random.nextInt(26)) + digits(random, 2);
    }

    private static OffsetDateTime receipt(SplittableRandom random) {
        // Any instant Vietnam dates 2000-2099, seen from any offset from -12:00 to +14:00.
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(random.nextLong(FIRST, LAST + 1)),
                ZoneOffset.ofHours(random.nextInt(-12, 15)));
    }

    private static List<String> validCodes(SplittableRandom random, int count) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            codes.add(DossierCode.format(unitCode(random), receipt(random), random.nextInt(1, 10_000)));
        }
        return codes;
    }

    @Test
    void formatThenParseGivesBackEveryPart() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < 20_000; i++) {
            String unit = unitCode(random);
            OffsetDateTime at = receipt(random);
            int sequence = i < 2 ? (i == 0 ? 1 : 9999) : random.nextInt(1, 10_000);
            String text = DossierCode.format(unit, at, sequence);
            String input = unit + " " + at + " " + sequence + " -> " + text;
            assertTrue(PATTERN.matcher(text).matches(), input);
            DossierCode parsed = DossierCode.parse(text);
            assertEquals(unit, parsed.unitCode(), input);
            assertEquals(at.atZoneSameInstant(EventJson.VIETNAM).toLocalDate(), parsed.receiptDate(), input);
            assertEquals(sequence, parsed.sequence(), input);
            assertEquals(text, parsed.value(), input);
        }
    }

    /** Every position of 300 codes, replaced by each of ~90 characters: 675,000 corruptions. */
    @Test
    void everySingleCharacterCorruptionThatBreaksThePatternIsRejected() {
        int rejected = 0;
        for (String code : validCodes(new SplittableRandom(SEED + 1), 300)) {
            for (int position = 0; position < code.length(); position++) {
                for (char c : REPLACEMENTS.toCharArray()) {
                    if (c == code.charAt(position)) {
                        continue;
                    }
                    String corrupted = code.substring(0, position) + c + code.substring(position + 1);
                    try {
                        DossierCode parsed = DossierCode.parse(corrupted);
                        if (!PATTERN.matcher(corrupted).matches()) {
                            fail("accepted '" + corrupted + "' (from " + code + ") which breaks the pattern");
                        }
                        assertEquals(corrupted, parsed.value());
                    } catch (InvalidDossierCodeException e) {
                        rejected++;
                        if (PATTERN.matcher(corrupted).matches()) {
                            // Same shape: only an impossible date or sequence 0000 may be refused.
                            assertTrue(e.reason() == Reason.INVALID_DATE || e.reason() == Reason.SEQUENCE_OUT_OF_RANGE,
                                    corrupted + ": " + e.getMessage());
                        }
                        assertTrue(e.getMessage().contains(corrupted) || e.reason() == Reason.EMPTY, e.getMessage());
                    }
                }
            }
        }
        assertTrue(rejected > 300 * 25 * 60, "most corruptions are refused: " + rejected);
    }

    @Test
    void droppingOrAddingACharacterIsAWrongLength() {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        for (String code : validCodes(random, 500)) {
            for (int position = 0; position < code.length(); position++) {
                String dropped = code.substring(0, position) + code.substring(position + 1);
                String added = code.substring(0, position) + code.charAt(random.nextInt(code.length()))
                        + code.substring(position);
                for (String bad : List.of(dropped, added)) {
                    try {
                        DossierCode.parse(bad);
                        fail("accepted '" + bad + "' from " + code);
                    } catch (InvalidDossierCodeException e) {
                        assertEquals(Reason.WRONG_LENGTH, e.reason(), bad);
                    }
                }
            }
        }
    }

    @Test
    void sequencesOutsideTheRangeAreAlwaysRefused() {
        SplittableRandom random = new SplittableRandom(SEED + 3);
        for (int i = 0; i < 5_000; i++) {
            int sequence = random.nextBoolean() ? random.nextInt(Integer.MIN_VALUE, 1) : random.nextInt(10_000, Integer.MAX_VALUE);
            String unit = unitCode(random);
            OffsetDateTime at = receipt(random);
            try {
                DossierCode.format(unit, at, sequence);
                fail("accepted sequence " + sequence);
            } catch (InvalidDossierCodeException e) {
                assertEquals(Reason.SEQUENCE_OUT_OF_RANGE, e.reason());
            }
        }
    }
}
