package vn.hoinghi.orchestrator.notifications;

import vn.hoinghi.orchestrator.platform.time.ClockFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** The words of the messages, in Vietnamese as a ministry writes to its units; times in Vietnam's time. */
final class NotificationTexts {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ClockFactory.VIETNAM);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy")
            .withZone(ClockFactory.VIETNAM);

    private NotificationTexts() {
    }

    /** What the message is about: the meeting and, for the join link, which site it is addressed to. */
    record Facts(String title, String agenda, String hostName, Instant start, Instant end, String siteName,
                 String contactName, String joinUrl, String reason, Duration soon) {
    }

    static String subject(NotificationKind kind, Facts f) {
        String when = TIME.format(f.start()) + " ngày " + DAY.format(f.start());
        return switch (kind) {
            case INVITATION -> "Giấy mời họp trực tuyến: " + f.title() + " (" + when + ")";
            case CHANGE -> "Thay đổi lịch họp: " + f.title() + " (" + when + ")";
            case CANCELLATION -> "Huỷ cuộc họp: " + f.title() + " (" + when + ")";
            case REMINDER_DAY -> "Nhắc lịch họp: " + f.title() + " (" + when + ")";
            case REMINDER_SOON -> "Sắp bắt đầu sau " + f.soon().toMinutes() + " phút: " + f.title();
        };
    }

    static String body(NotificationKind kind, Facts f) {
        StringBuilder b = new StringBuilder();
        b.append("Kính gửi: ").append(f.contactName() == null ? f.siteName() : f.contactName() + " – " + f.siteName())
                .append("\n\n");
        b.append(switch (kind) {
            case INVITATION -> "Văn phòng Bộ Tư pháp trân trọng kính mời đơn vị tham dự hội nghị truyền hình trực tuyến.";
            case CHANGE -> "Hội nghị truyền hình dưới đây đã được điều chỉnh. Đề nghị đơn vị lưu ý thông tin mới nhất.";
            case CANCELLATION -> "Hội nghị truyền hình dưới đây đã bị huỷ."
                    + (f.reason() == null ? "" : " Lý do: " + f.reason() + ".");
            case REMINDER_DAY -> "Xin nhắc đơn vị lịch hội nghị truyền hình sắp diễn ra.";
            case REMINDER_SOON -> "Phòng họp đã mở, hội nghị bắt đầu sau khoảng " + f.soon().toMinutes()
                    + " phút. Đề nghị đơn vị vào phòng họp ngay để kiểm tra âm thanh, hình ảnh.";
        }).append("\n\n");
        b.append("Nội dung: ").append(f.title()).append('\n');
        b.append("Thời gian: từ ").append(TIME.format(f.start())).append(" đến ").append(TIME.format(f.end()))
                .append(" ngày ").append(DAY.format(f.start())).append(" (giờ Việt Nam)\n");
        b.append("Đơn vị chủ trì: ").append(f.hostName()).append('\n');
        if (f.agenda() != null && !f.agenda().isBlank() && kind != NotificationKind.CANCELLATION) {
            b.append("Chương trình:\n").append(f.agenda().strip()).append('\n');
        }
        if (f.joinUrl() != null) {
            b.append("\nĐường dẫn tham gia dành riêng cho ").append(f.siteName())
                    .append(" (mở từ 15 phút trước giờ họp; xin không chuyển cho đơn vị khác):\n")
                    .append(f.joinUrl()).append('\n');
        }
        b.append("\nTệp lịch (.ics) đính kèm để đưa cuộc họp vào lịch công tác.\n\n")
                .append("Thư gửi tự động từ hệ thống Hội nghị truyền hình Bộ Tư pháp (HoiNghi); xin không trả lời thư này.\n");
        return b.toString();
    }

    /** The text for SMS/Zalo: the subject and the join link, short enough for two SMS parts. */
    static String shortText(NotificationKind kind, Facts f) {
        return "[HoiNghi] " + subject(kind, f) + (f.joinUrl() == null ? "" : ". Tham gia: " + f.joinUrl());
    }
}
