package vn.hoinghi.orchestrator.booking;

import io.micronaut.http.HttpStatus;
import vn.hoinghi.media.admission.AdmissionDecision;
import vn.hoinghi.media.admission.Shortfall;
import vn.hoinghi.media.capacity.Load;
import vn.hoinghi.orchestrator.platform.errors.ApiException;
import vn.hoinghi.orchestrator.platform.errors.Problem.FieldError;
import vn.hoinghi.orchestrator.platform.errors.Text;
import vn.hoinghi.orchestrator.platform.time.ClockFactory;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** Turns a refusal of the capacity model into a problem naming the region, the window and each shortfall. */
final class CapacityRefusal {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
            .withZone(ClockFactory.VIETNAM);
    private static final Map<String, String> REGION_VI = Map.of("NORTH", "miền Bắc", "CENTRAL", "miền Trung",
            "SOUTH", "miền Nam");
    private static final Map<Load.Resource, String> RESOURCE_VI = Map.of(
            Load.Resource.PPS, "gói tin/giây trên cầu truyền hình (JVB)",
            Load.Resource.VISITOR_SLOTS, "chỗ người xem (visitor)",
            Load.Resource.VIDEO_GATEWAYS, "cổng SIP video (Jibri)",
            Load.Resource.AUDIO_CALLS, "cuộc gọi thoại (Jigasi)");

    private CapacityRefusal() {
    }

    static ApiException of(AdmissionDecision.DoesNotFit refusal) {
        String region = refusal.region();
        List<FieldError> errors = refusal.shortfalls().stream().map(s -> new FieldError(null,
                "capacity." + region, "short-" + s.resource().name().toLowerCase().replace('_', '-'),
                vi(region, s), s.describe() + " (Asia/Ho_Chi_Minh: " + TIME.format(s.from()) + " – "
                + TIME.format(s.to()) + ")")).toList();
        Shortfall first = refusal.shortfalls().get(0);
        return new ApiException(HttpStatus.CONFLICT, "capacity-exceeded", new Text(
                "Không đủ năng lực truyền hình ở " + REGION_VI.getOrDefault(region, region) + " từ "
                        + TIME.format(first.from()) + " đến " + TIME.format(first.to()) + ": " + vi(region, first),
                "Not enough media capacity: the booking " + refusal.explain()), errors);
    }

    private static String vi(String region, Shortfall s) {
        return "thiếu " + String.format("%,d", s.amount()).replace(',', '.') + " "
                + RESOURCE_VI.get(s.resource()) + " ở " + REGION_VI.getOrDefault(region, region) + " từ "
                + TIME.format(s.from()) + " đến " + TIME.format(s.to());
    }

    static String regionVi(String region) {
        return "ở " + REGION_VI.getOrDefault(region, region);
    }

    static String window(Instant from, Instant to) {
        return TIME.format(from) + " – " + TIME.format(to);
    }
}
