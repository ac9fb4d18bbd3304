package vn.hoinghi.orchestrator.reports;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Words and formats the reports show, in Vietnamese, times in Asia/Ho_Chi_Minh. */
final class Vietnamese {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(ReportStore.ZONE);

    private Vietnamese() {
    }

    static String time(String iso) {
        return iso == null ? "" : TIME.format(Instant.parse(iso));
    }

    static String attendance(String state) {
        return switch (state) {
            case "PRESENT" -> "Có mặt";
            case "LATE" -> "Vào muộn";
            case "LEFT" -> "Đã rời";
            default -> "Vắng";
        };
    }

    static String method(String m) {
        return switch (m) {
            case "VIDEO" -> "Hình (SIP)";
            case "AUDIO" -> "Tiếng (SIP)";
            default -> "Điện thoại";
        };
    }

    static String outcome(String o) {
        return switch (o) {
            case "CONNECTED", "HUNG_UP" -> "Kết nối được";
            case "FAILED" -> "Không kết nối";
            default -> "Không rõ";
        };
    }

    static String dials(java.util.List<MeetingFacts.Dial> dials) {
        if (dials == null || dials.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (MeetingFacts.Dial d : dials) {
            if (b.length() > 0) {
                b.append("; ");
            }
            b.append(method(d.method())).append(" lần ").append(d.attempt()).append(": ").append(outcome(d.outcome()));
            if (d.error() != null && !d.error().isBlank()) {
                b.append(" (").append(d.error()).append(')');
            }
        }
        return b.toString();
    }

    static String minutes(long seconds) {
        return Long.toString(Math.round(seconds / 60.0));
    }
}
