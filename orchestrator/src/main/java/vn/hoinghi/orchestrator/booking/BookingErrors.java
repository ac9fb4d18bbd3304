package vn.hoinghi.orchestrator.booking;

import vn.hoinghi.orchestrator.platform.errors.Text;

/** Booking's error catalogue. */
final class BookingErrors {
    static final Text REQUIRED = new Text("là bắt buộc", "is required");
    static final Text BAD_TIME = new Text("thời điểm không hợp lệ (dạng 2026-12-01T08:00)",
            "not a valid time (e.g. 2026-12-01T08:00)");
    static final Text UNKNOWN_ZONE = new Text("múi giờ không tồn tại (ví dụ Asia/Ho_Chi_Minh)",
            "unknown time zone (e.g. Asia/Ho_Chi_Minh)");
    static final Text END_BEFORE_START = new Text("giờ kết thúc phải sau giờ bắt đầu", "the end must be after the start");
    static final Text IN_THE_PAST = new Text("không đặt lịch cho thời điểm đã qua", "a meeting cannot start in the past");
    static final Text TOO_LONG = new Text("cuộc họp dài quá mức cho phép", "the meeting is longer than allowed");
    static final Text UNKNOWN_SITE = new Text("không có đơn vị mã này", "no site has this code");
    static final Text UNKNOWN_VALUE = new Text("giá trị không hợp lệ", "not an allowed value");
    static final Text TOO_MANY_INVITES = new Text("danh sách mời quá dài", "the invitation list is too long");
    static final Text NO_INVITES = new Text("cần mời ít nhất một đơn vị", "invite at least one site");
    static final Text NO_ROOM_SYSTEM = new Text("đơn vị không có thiết bị phòng họp này",
            "the site has no such room system");
    static final Text BAD_RRULE = new Text("quy tắc lặp (RRULE) không hợp lệ", "not a valid RRULE");
    static final Text UNBOUNDED_RRULE = new Text("quy tắc lặp phải có COUNT hoặc UNTIL",
            "a recurrence needs COUNT or UNTIL");
    static final Text TOO_MANY_OCCURRENCES = new Text("quy tắc lặp sinh quá nhiều buổi họp",
            "the recurrence makes too many occurrences");
    static final Text BEYOND_HORIZON = new Text("quy tắc lặp kéo dài quá xa", "the recurrence reaches too far ahead");
    static final Text TITLE_LENGTH = new Text("tiêu đề dài 1–300 ký tự", "a title is 1–300 characters");

    private BookingErrors() {
    }
}
