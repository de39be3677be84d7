package vn.motcua.documents;

/**
 * One document of a dossier (thành phần hồ sơ).
 *
 * @param name   e.g. "Giấy chứng sinh"
 * @param form   as the form writes it, e.g. "Bản chính" (see {@link #formLabel(String)})
 * @param copies number of copies
 * @param note   for Form 02: what to supply or correct and why; may be null elsewhere
 */
public record DocumentItem(String name, String form, int copies, String note) {
    public DocumentItem(String name, String form, int copies) {
        this(name, form, copies, null);
    }

    /** The Vietnamese words for the catalogue's document forms (ORIGINAL, CERTIFIED_COPY, COPY). */
    public static String formLabel(String code) {
        if (code == null) {
            return "";
        }
        return switch (code) {
            case "ORIGINAL" -> "Bản chính";
            case "CERTIFIED_COPY" -> "Bản sao chứng thực";
            case "COPY" -> "Bản sao";
            default -> code;
        };
    }
}
