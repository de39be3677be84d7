package vn.motcua.shared.dossier;

import java.util.Arrays;

/**
 * The status codes used when syncing with the National Public Service Portal (Cổng Dịch vụ công quốc gia).
 */
public enum NationalStatus {
    NEWLY_REGISTERED(1, "Mới đăng ký"),
    ACCEPTED(2, "Được tiếp nhận"),
    NOT_ACCEPTED(3, "Không được tiếp nhận"),
    IN_PROCESS(4, "Đang xử lý"),
    SUPPLEMENT_REQUESTED(5, "Yêu cầu bổ sung"),
    FINANCIAL_OBLIGATION(6, "Yêu cầu nghĩa vụ tài chính"),
    WITHDRAWN(7, "Công dân xin rút"),
    STOPPED(8, "Dừng xử lý"),
    PROCESSED(9, "Đã xử lý xong"),
    RESULT_RETURNED(10, "Đã trả kết quả");

    private final int code;
    private final String label;

    NationalStatus(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    /** The portal's Vietnamese name of the status. */
    public String label() {
        return label;
    }

    public static NationalStatus ofCode(int code) {
        return Arrays.stream(values()).filter(s -> s.code == code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no national status code " + code + " (1-10)"));
    }
}
