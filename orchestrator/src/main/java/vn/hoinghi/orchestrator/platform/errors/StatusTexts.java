package vn.hoinghi.orchestrator.platform.errors;

import io.micronaut.http.HttpStatus;

import java.util.Map;

/** Titles for the statuses the framework itself produces (no route, no login, body too large, ...). */
final class StatusTexts {
    private static final Map<Integer, Text> TITLES = Map.ofEntries(
            Map.entry(400, new Text("Yêu cầu không hợp lệ", "Bad request")),
            Map.entry(401, new Text("Cần đăng nhập", "Authentication required")),
            Map.entry(403, new Text("Không có quyền thực hiện thao tác này", "Forbidden")),
            Map.entry(404, new Text("Không tìm thấy", "Not found")),
            Map.entry(405, new Text("Phương thức không được hỗ trợ", "Method not allowed")),
            Map.entry(406, new Text("Định dạng phản hồi không được hỗ trợ", "Not acceptable")),
            Map.entry(409, new Text("Xung đột dữ liệu", "Conflict")),
            Map.entry(412, new Text("Dữ liệu đã bị thay đổi bởi người khác", "Precondition failed")),
            Map.entry(413, new Text("Dữ liệu gửi lên quá lớn", "Request too large")),
            Map.entry(415, new Text("Định dạng dữ liệu không được hỗ trợ", "Unsupported media type")),
            Map.entry(422, new Text("Dữ liệu không hợp lệ", "Unprocessable content")),
            Map.entry(429, new Text("Quá nhiều yêu cầu", "Too many requests")),
            Map.entry(500, new Text("Lỗi hệ thống", "Internal server error")),
            Map.entry(503, new Text("Dịch vụ tạm thời không sẵn sàng", "Service unavailable")));

    private StatusTexts() {
    }

    static Text title(HttpStatus status) {
        return TITLES.getOrDefault(status.getCode(), new Text(status.getReason(), status.getReason()));
    }

    /** A stable code for the problem type URI of framework-made errors, e.g. 404 → {@code not-found}. */
    static String code(HttpStatus status) {
        return status.name().toLowerCase().replace('_', '-');
    }
}
