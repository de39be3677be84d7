package vn.motcua.system;

/**
 * Request bodies of the demo procedure LT-KS-TT-BHYT (newborn: birth registration, residence, health
 * insurance card), the one every system test, fault run and benchmark receives: its four documents of the
 * checklist and an applicant of the caller's choosing (citizen1's ID 001090012345 lets citizen1 see it).
 */
public final class Newborn {
    /** The checklist's four documents, each an original. */
    public static final String DOCUMENTS = """
            [{"name":"Tờ khai đăng ký khai sinh","form":"ORIGINAL","copies":1},
             {"name":"Giấy chứng sinh","form":"ORIGINAL","copies":1},
             {"name":"Tờ khai thay đổi thông tin cư trú","form":"ORIGINAL","copies":1},
             {"name":"Tờ khai tham gia bảo hiểm y tế","form":"ORIGINAL","copies":1}]""";

    private Newborn() {
    }

    /** A complete dossier received at a counter ({@code POST /api/dossiers}). */
    public static String atCounter(String fullName, String idNumber, String phone, String email, String address) {
        return """
                {"procedureCode":"LT-KS-TT-BHYT","channel":"COUNTER","applicant":%s,"documents":%s}"""
                .formatted(applicant(fullName, idNumber, phone, email, address), DOCUMENTS);
    }

    /** A complete online submission to the demo unit ({@code POST /api/public/submissions}). */
    public static String online(String fullName, String idNumber, String phone, String email, String address) {
        return """
                {"procedureCode":"LT-KS-TT-BHYT","unitCode":"000.00.31.H29","applicant":%s,"documents":%s}"""
                .formatted(applicant(fullName, idNumber, phone, email, address), DOCUMENTS);
    }

    private static String applicant(String fullName, String idNumber, String phone, String email, String address) {
        return """
                {"fullName":"%s","idNumber":"%s","phone":"%s","email":"%s","address":"%s"}"""
                .formatted(fullName, idNumber, phone, email, address);
    }
}
