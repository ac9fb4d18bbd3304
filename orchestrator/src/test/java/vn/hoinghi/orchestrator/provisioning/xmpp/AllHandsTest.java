package vn.hoinghi.orchestrator.provisioning.xmpp;

import org.junit.jupiter.api.Test;
import vn.hoinghi.orchestrator.attendance.AttributionController;
import vn.hoinghi.orchestrator.provisioning.DialStore;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 part 1 at reduced size (the full size is {@code bench/all-hands.sh}): a 120-site all-hands with 50
 * interactive sites, 70 viewers and 12 room systems, through a real Prosody with the protocol fakes. (Prosody's
 * work grows with the square of the occupants, see the orchestrator README: 120 keeps it small; under a load
 * average of 27 the whole test took 167 s, most of it the starved context start and Prosody.) Every site's
 * participant reaches the roll-call, every room system is dialled exactly once and hung up once, and every endpoint
 * is attributed to its site as the telemetry collector asks for it.
 */
class AllHandsTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void aTwoHundredSiteAllHandsIsBookedPreparedDialledAndEverySiteIsOnTheRollCallAndAttributed() throws Exception {
        try (AllHands a = AllHands.start(new AllHands.Size(120, 50, 12), Map.of())) {
            Duration booking = a.book();
            assertThat(a.run.meeting(a.meetingId).invites()).hasSize(120);
            Duration prepare = a.prepare();
            assertThat(a.jicofo.created).containsOnlyOnce(a.room);

            Duration dial = a.dialOut(WAIT);
            for (String site : a.roomSystemSites) {
                assertThat(a.jicofo.gateways.count(a.room, "jibri start " + a.dialTarget(site)))
                        .as("room system of %s dialled exactly once", site).isEqualTo(1);
            }
            assertThat(a.jicofo.gateways.requests).filteredOn(r -> r.startsWith(a.room + " "))
                    .as("nothing else dialled").hasSize(12);
            assertThat(a.attempts()).extracting(DialStore.Attempt::siteCode)
                    .containsExactlyInAnyOrderElementsOf(a.roomSystemSites);

            a.joinEveryone();
            a.joinsConfirmed(WAIT);
            Duration rollCall = a.rollCallComplete(WAIT);
            System.out.printf("all-hands of 120: booking %s, T-15 %s, dial-out %s, roll-call %s after the last join%n",
                    booking, prepare, dial, rollCall);
            assertThat(a.missing()).as("every invited site PRESENT").isEmpty();

            AttributionController attribution = a.ctx.getBean(AttributionController.class);
            a.endpoints().forEach((endpoint, site) -> assertThat(attribution.attribute(a.room, endpoint).siteCode())
                    .as("endpoint %s", endpoint).isEqualTo(site));
            // The collector names the room as lib-jitsi-meet's confName may: the bare room JID works too.
            String first = a.endpoints().keySet().iterator().next();
            assertThat(attribution.attribute(a.room + "@" + ProsodyServer.MUC, first).siteCode())
                    .isEqualTo(a.endpoints().get(first));

            a.end();
            for (String site : a.roomSystemSites) {
                assertThat(a.jicofo.gateways.count(a.room, "jibri stop " + a.dialTarget(site))).isEqualTo(1);
            }
            assertThat(a.attempts()).extracting(DialStore.Attempt::outcome).containsOnly("HUNG_UP");
            assertThat(a.jicofo.gateways.count(a.room, "jibri start " + a.dialTarget(a.roomSystemSites.get(0))))
                    .as("still dialled once after the end").isEqualTo(1);
        }
    }
}
