package vn.motcua.intake.api;

import java.time.OffsetDateTime;

/**
 * The answer to a reception (the data of Form 01, Giấy tiếp nhận hồ sơ và hẹn trả kết quả).
 * {@code lookupPin} is shown once, on the receipt, for the citizen's status lookups.
 */
public record Receipt(String code, String status, OffsetDateTime receivedAt, OffsetDateTime appointmentAt,
                      String lookupPin) {
}
