package vn.motcua.console.api;

import jakarta.ws.rs.core.MultivaluedMap;
import vn.motcua.console.client.IntakeClient;
import vn.motcua.console.view.FormErrors;

/** An agency's or a one-stop unit's record as the editor shows and posts it, kept as typed. */
public record OfficeForm(String code, String name, String level, String parentCode, String address, String email,
                         String phone, boolean active) {

    static OfficeForm blank() {
        return new OfficeForm("", "", "PROVINCE", "", "", "", "", true);
    }

    static OfficeForm of(IntakeClient.Office o) {
        return new OfficeForm(o.code(), text(o.name()), text(o.level()), text(o.parentCode()), text(o.address()),
                text(o.email()), text(o.phone()), !Boolean.FALSE.equals(o.active()));
    }

    static OfficeForm read(MultivaluedMap<String, String> posted, String code) {
        return new OfficeForm(code != null ? code : text(posted.getFirst("code")), text(posted.getFirst("name")),
                text(posted.getFirst("level")), text(posted.getFirst("parentCode")), text(posted.getFirst("address")),
                text(posted.getFirst("email")), text(posted.getFirst("phone")), posted.containsKey("active"));
    }

    /** The whole record (a PUT replaces it): blanks are absent. */
    IntakeClient.Office record() {
        return new IntakeClient.Office(Pages.text(code), Pages.text(name), Pages.text(level), Pages.text(parentCode),
                Pages.text(address), Pages.text(email), Pages.text(phone), active);
    }

    static FormErrors.Target place(String path) {
        return switch (path) {
            case "code" -> new FormErrors.Target("code", "Mã");
            case "name" -> new FormErrors.Target("name", "Tên");
            case "level" -> new FormErrors.Target("level", "Cấp");
            case "parentCode" -> new FormErrors.Target("parentCode", "Trực thuộc (mã)");
            case "address" -> new FormErrors.Target("address", "Địa chỉ");
            case "email" -> new FormErrors.Target("email", "Thư điện tử");
            case "phone" -> new FormErrors.Target("phone", "Điện thoại");
            default -> null;
        };
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
