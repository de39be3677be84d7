package vn.motcua.console.api;

import io.quarkus.qute.TemplateInstance;

import java.util.Arrays;

/**
 * What a form did, shown on the page the browser is sent to afterwards (post, redirect, get: a reload asks for the
 * page again and never repeats the action). The redirect names it ({@code ?xong=nhan}); the sentence is fixed here,
 * so a link cannot make the console say anything else.
 */
enum Done {
    ACCEPTED("tiep-nhan", "Đã tiếp nhận hồ sơ."),
    SUPPLEMENT_ASKED("bo-sung", "Đã lập phiếu yêu cầu bổ sung (Mẫu 02)."),
    REFUSED("tu-choi", "Đã lập phiếu từ chối tiếp nhận (Mẫu 03)."),
    RETURNED("tra-ket-qua", "Đã trả kết quả hồ sơ."),
    CLAIMED("nhan", "Bạn đã nhận xử lý hồ sơ."),
    COMPLETED("hoan-thanh", "Đã hoàn thành bước xử lý."),
    AGENCY_SUPPLEMENT("yeu-cau-bo-sung", "Đã gửi yêu cầu bổ sung; thời hạn giải quyết tạm dừng."),
    OBLIGATION("nghia-vu", "Đã thông báo nghĩa vụ tài chính."),
    EXTENDED("gia-han", "Đã gia hạn và lập văn bản xin lỗi (Mẫu 04)."),
    STOPPED("dung", "Đã dừng giải quyết hồ sơ (Mẫu 05)."),
    TRANSFERRED("chuyen", "Đã chuyển hồ sơ sang cơ quan khác."),
    ASSIGNED("giao", "Đã giao hồ sơ cho cán bộ xử lý."),
    REASSIGNED("chuyen-tat-ca", "Đã chuyển các hồ sơ đang mở của cán bộ vắng mặt sang cán bộ nhận thay."),
    DELEGATED("uy-quyen", "Đã ủy quyền."),
    DELEGATION_ENDED("ket-thuc-uy-quyen", "Đã kết thúc ủy quyền."),
    DRAFTED("du-thao", "Đã trình dự thảo để thẩm định."),
    REVIEWED("tham-dinh", "Đã thẩm định dự thảo."),
    SIGNED("ky", "Đã ký duyệt; bước xử lý hoàn thành."),
    PROCEDURE_CREATED("thu-tuc-moi", "Đã tạo thủ tục (phiên bản 1)."),
    VERSION_PUBLISHED("phien-ban-moi", "Đã công bố phiên bản mới của thủ tục."),
    RETIRED("thoi-ap-dung", "Đã đặt ngày thôi áp dụng thủ tục."),
    AREA_SET("dia-ban", "Đã lưu cơ quan có thẩm quyền của xã, phường."),
    OFFICE_SAVED("da-luu", "Đã lưu thông tin."),
    HOURS_SAVED("gio-tiep-nhan", "Đã lưu giờ tiếp nhận của đơn vị."),
    DAY_ADDED("them-ngay", "Đã thêm ngày vào lịch làm việc."),
    DAY_REMOVED("xoa-ngay", "Đã xóa ngày khỏi lịch làm việc.");

    final String key;
    final String sentence;

    Done(String key, String sentence) {
        this.key = key;
        this.sentence = sentence;
    }

    /** {@code path} with this outcome named for the page to say. */
    String on(String path) {
        return path + (path.contains("?") ? "&" : "?") + "xong=" + key;
    }

    /** The page with the sentence of {@code key} above it, if it names an outcome. */
    static TemplateInstance shown(TemplateInstance page, String key) {
        return Arrays.stream(values()).filter(d -> d.key.equals(key)).findFirst()
                .map(d -> page.data("info", d.sentence)).orElse(page);
    }
}
