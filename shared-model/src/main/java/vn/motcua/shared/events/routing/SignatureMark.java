package vn.motcua.shared.events.routing;

/**
 * How a document signed by someone other than the head shows the authority it was signed under (thẩm quyền ký,
 * Decree 30/2020/NĐ-CP on clerical work, Art. 13 — docs/LEGAL-BASIS.md): the mark printed above the signer's title
 * and the words the citizen's timeline uses.
 */
public enum SignatureMark {
    /** Ký thay: a deputy signs in the head's place. */
    KT("KT.", "ký thay"),
    /** Thừa lệnh: the head of a unit signs by the head's order, for the kinds of document the head assigned. */
    TL("TL.", "ký thừa lệnh"),
    /** Thừa ủy quyền: signing under a written authorisation limited in time and content. */
    TUQ("TUQ.", "ký thừa ủy quyền");

    private final String mark;
    private final String words;

    SignatureMark(String mark, String words) {
        this.mark = mark;
        this.words = words;
    }

    /** As printed: {@code KT.}, {@code TL.}, {@code TUQ.}. */
    public String mark() {
        return mark;
    }

    /** In a Vietnamese sentence: "ký thay", "ký thừa lệnh", "ký thừa ủy quyền". */
    public String words() {
        return words;
    }

    /** The mark of a printed {@code signature} ("KT.", ...), or null for null or an unknown one. */
    public static SignatureMark ofMark(String printed) {
        for (SignatureMark m : values()) {
            if (m.mark.equals(printed)) {
                return m;
            }
        }
        return null;
    }
}
