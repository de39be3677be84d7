package vn.motcua.documents;

/**
 * Who issues a form (the left column of the header).
 *
 * @param superior the body the unit belongs to, e.g. "UBND phường Ba Đình"; may be null
 * @param name     the issuing unit, e.g. "Trung tâm Phục vụ hành chính công phường Ba Đình"
 * @param place    the place of the date line (the administrative unit where the issuer sits), e.g. "Hà Nội"; may be null
 */
public record Issuer(String superior, String name, String place) {
    public Issuer {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an issuer needs a name");
        }
    }
}
