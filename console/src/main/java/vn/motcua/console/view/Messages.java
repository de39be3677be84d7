package vn.motcua.console.view;

import vn.motcua.console.client.ServiceException;

import java.util.Map;

/**
 * What a person reads when a service says no: one Vietnamese sentence per kind of problem, never the problem's
 * JSON or a stack trace.
 */
public final class Messages {
    private static final Map<String, String> BY_KIND = Map.ofEntries(
            Map.entry("incomplete-dossier", "Hồ sơ chưa đủ thành phần theo danh mục của thủ tục: hãy kiểm tra lại các giấy tờ đã đánh dấu."),
            Map.entry("validation-failed", "Thông tin nhập chưa hợp lệ: hãy kiểm tra lại các ô đã điền."),
            Map.entry("malformed-request", "Thông tin nhập chưa hợp lệ: hãy kiểm tra lại các ô đã điền."),
            Map.entry("illegal-transition", "Hồ sơ đã được xử lý bởi thao tác khác; hãy tải lại trang để xem trạng thái mới nhất."),
            Map.entry("not-received", "Hồ sơ chưa được tiếp nhận nên chưa có giấy tiếp nhận."),
            Map.entry("not-processed", "Hồ sơ chưa giải quyết xong nên chưa thể trả kết quả."),
            Map.entry("already-returned", "Kết quả của hồ sơ này đã được trả."),
            Map.entry("already-rated", "Hồ sơ này đã được đánh giá, cảm ơn bạn."),
            Map.entry("not-returned", "Chỉ có thể đánh giá sau khi đã nhận kết quả."),
            Map.entry("dossier-paused", "Hồ sơ đang tạm dừng (chờ bổ sung hoặc nghĩa vụ tài chính), chưa thể thực hiện thao tác này."),
            Map.entry("extension-already-granted", "Hồ sơ đã được gia hạn một lần; theo quy định chỉ được hẹn lại một lần."),
            Map.entry("unknown-agency", "Cơ quan không có trong danh mục hoặc đã ngừng hoạt động."),
            Map.entry("plan-exceeds-statutory-time", "Tổng thời gian các bước xử lý vượt thời hạn giải quyết của thủ tục: hãy sửa các bước bên dưới."),
            Map.entry("plan-unit-mismatch", "Thời gian của các bước phải cùng loại đơn vị với thời hạn giải quyết: hãy sửa các bước bên dưới."),
            Map.entry("effective-date-rejected", "Ngày chưa hợp lệ: hãy xem lời nhắc bên cạnh ô ngày."),
            Map.entry("procedure-exists", "Đã có thủ tục với mã này; để sửa thủ tục, hãy tạo phiên bản mới từ trang của thủ tục."),
            Map.entry("procedure-version-conflict", "Thủ tục vừa có phiên bản mới do người khác công bố; hãy mở lại trang thủ tục và sửa từ phiên bản mới nhất."),
            Map.entry("unit-exists", "Đã có đơn vị một cửa với mã này; hãy sửa đơn vị đó từ danh sách."),
            Map.entry("agency-exists", "Đã có cơ quan với mã này; hãy sửa cơ quan đó từ danh sách."),
            Map.entry("unknown-parent", "Đơn vị cấp trên không có trong danh mục."),
            Map.entry("office-parent-cycle", "Đơn vị cấp trên không thể là chính nó hoặc đơn vị trực thuộc nó."),
            Map.entry("supplement-by-agency", "Hồ sơ đang giải quyết: việc yêu cầu bổ sung do cơ quan giải quyết thực hiện."),
            Map.entry("not-offered-online", "Thủ tục này không cung cấp dịch vụ công trực tuyến."),
            Map.entry("daily-sequence-exhausted", "Đơn vị đã dùng hết số thứ tự hồ sơ của ngày hôm nay."),
            Map.entry("nothing-missing", "Hồ sơ đã đủ thành phần, không cần phiếu yêu cầu bổ sung."),
            Map.entry("reviewer-is-drafter", "Người dự thảo không tự thẩm định dự thảo của mình: hãy để cán bộ khác thẩm định."),
            Map.entry("draft-submitted", "Dự thảo đã được trình; chờ thẩm định hoặc ký duyệt trước khi sửa."),
            Map.entry("not-in-review", "Dự thảo không ở bước thẩm định (chưa trình hoặc đã chờ ký)."),
            Map.entry("not-awaiting-signature", "Dự thảo chưa được thẩm định đạt nên chưa thể ký duyệt."),
            Map.entry("no-signing-authority", "Chỉ lãnh đạo cơ quan, hoặc người được ủy quyền ký trong thời hạn ủy quyền, được ký."),
            Map.entry("no-assigning-authority", "Chỉ lãnh đạo cơ quan, hoặc người được ủy quyền phân công trong thời hạn ủy quyền, được phân công."),
            Map.entry("plain-step", "Bước này không qua dự thảo, thẩm định, ký duyệt: hãy dùng nút Hoàn thành bước."),
            Map.entry("signature-required", "Bước này cần lãnh đạo ký duyệt: hãy trình dự thảo để thẩm định thay vì hoàn thành ngay."),
            Map.entry("rejection-reason-required", "Dự thảo từ chối cần ghi rõ lý do."),
            Map.entry("send-back-reason-required", "Trả lại dự thảo cần ghi rõ lý do."),
            Map.entry("no-previous-step", "Đây là bước đầu tiên, không có bước trước để trả lại."));

    private Messages() {
    }

    public static String sentence(ServiceException e) {
        String known = e.kind() == null ? null : BY_KIND.get(e.kind());
        if (known != null) {
            return known;
        }
        return switch (e.status()) {
            case 0 -> "Hệ thống tạm thời không trả lời; xin vui lòng thử lại sau ít phút.";
            case 401 -> "Phiên làm việc đã hết hạn; xin vui lòng đăng nhập lại.";
            case 403 -> "Tài khoản của bạn không có quyền thực hiện việc này.";
            case 404 -> "Không tìm thấy hồ sơ hoặc công việc này, hoặc bạn không có quyền xem.";
            case 409 -> "Việc này đã được người khác thực hiện hoặc trạng thái hồ sơ đã thay đổi; hãy tải lại trang.";
            case 400, 422 -> "Thông tin nhập chưa hợp lệ: hãy kiểm tra lại các ô đã điền.";
            case 429 -> "Bạn đã thử quá nhiều lần; xin vui lòng thử lại sau "
                    + minutes(e.retryAfter()) + ".";
            default -> "Hệ thống gặp sự cố khi xử lý yêu cầu; xin vui lòng thử lại sau ít phút.";
        };
    }

    private static String minutes(String retryAfter) {
        try {
            long seconds = Long.parseLong(retryAfter.trim());
            return seconds <= 60 ? "một phút" : ((seconds + 59) / 60) + " phút";
        } catch (RuntimeException notSeconds) {
            return "ít phút";
        }
    }
}
