package vn.hoinghi.orchestrator.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.hoinghi.orchestrator.booking.Meeting;
import vn.hoinghi.orchestrator.booking.Meeting.Invitation;
import vn.hoinghi.orchestrator.booking.MeetingStatus;

import java.time.OffsetDateTime;
import java.util.List;

/** Which sites a prepared room asks Jicofo to keep in the main room (PrepareHandler.mainRoomSites). */
class PrepareMainRoomSitesTest {
    private static Meeting meeting(List<Invitation> invites) {
        OffsetDateTime start = OffsetDateTime.parse("2026-12-07T08:00:00+07:00");
        return new Meeting(7, "Giao ban", null, "BTP", start, start.plusHours(2), MeetingStatus.BOOKED, null, 1,
                invites, List.of());
    }

    @Test
    void withViewersTheHostAndEveryInteractiveSiteAreListed() {
        Meeting m = meeting(List.of(new Invitation("STP-HCM", "INTERACTIVE", "BROWSER", null, "south"),
                new Invitation("STP-HNI", "INTERACTIVE", "ROOM_SYSTEM", "r1", "north"),
                new Invitation("THADS-HNI", "VIEWER", "BROWSER", null, "north")));
        assertThat(PrepareHandler.mainRoomSites(m)).containsExactly("BTP", "STP-HCM", "STP-HNI");
        assertThat(PrepareHandler.spec(m).mainRoomSites()).containsExactly("BTP", "STP-HCM", "STP-HNI");
    }

    @Test
    void withoutViewersNoListSoJicofosRoomStaysOpen() {
        Meeting m = meeting(List.of(new Invitation("STP-HCM", "INTERACTIVE", "BROWSER", null, "south")));
        assertThat(PrepareHandler.mainRoomSites(m)).isEmpty();
    }
}
