package vn.motcua.documents.signing;

import java.time.OffsetDateTime;

/**
 * What {@link PadesVerifier} found: a status for machines, a Vietnamese sentence for people, and — when a
 * signature was read — who signed and when. Only {@link Status#VALID} means "not altered since signed".
 */
public record SignatureVerdict(Status status, String message, String signer, OffsetDateTime signedAt) {

    public enum Status {
        /** Signed, every byte covered, the CMS checks out, and the signer chains to a trusted CA. */
        VALID("Chữ ký số hợp lệ: tệp chưa bị thay đổi kể từ khi ký."),
        /** The file carries no signature. */
        NOT_SIGNED("Tệp không có chữ ký số."),
        /** The digest or the signature does not match: at least one byte changed after signing. */
        ALTERED("Chữ ký số không hợp lệ: nội dung tệp đã bị thay đổi sau khi ký."),
        /** Bytes were appended after the signature, outside what it covers. */
        NOT_COVERED("Chữ ký số không bao trùm toàn bộ tệp: tệp đã được bổ sung nội dung sau khi ký."),
        /** Mathematically sound, but the signer's certificate is not issued by a trusted CA. */
        UNTRUSTED("Chứng thư số của người ký không do tổ chức chứng thực tin cậy cấp."),
        /** Not a PDF, or a signature that is not a PAdES baseline one (sub-filter, attributes). */
        MALFORMED("Không đọc được chữ ký số của tệp (tệp hỏng hoặc không phải chữ ký PAdES).");

        private final String message;

        Status(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    public boolean valid() {
        return status == Status.VALID;
    }

    static SignatureVerdict of(Status status) {
        return new SignatureVerdict(status, status.message(), null, null);
    }
}
