package vn.hoinghi.orchestrator.provisioning.xmpp;

import org.junit.jupiter.api.Test;
import vn.hoinghi.orchestrator.attendance.AttributionController;
import vn.hoinghi.orchestrator.attendance.RollCall;
import vn.hoinghi.orchestrator.provisioning.DialStore;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 part 1 at reduced size (the full size is {@code bench/all-hands.sh}): a 170-site all-hands with 50
 * interactive sites in the main room, 120 viewers sent by the focus to two visitor nodes (each its own real Prosody
 * with {@code mod_hoinghi_roll_call}) and 12 room systems, with the protocol fakes. Every site's participant reaches
 * the roll-call, viewers included, every room system is dialled exactly once and hung up once, every endpoint is
 * attributed to its site as the telemetry collector asks for it, and a viewer leaving is seen as LEFT.
 */
class AllHandsTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void anAllHandsWithViewersOnVisitorNodesIsBookedPreparedDialledAndEverySiteIsOnTheRollCallAndAttributed()
            throws Exception {
        try (AllHands a = AllHands.start(new AllHands.Size(170, 50, 12, 2), Map.of())) {
            Duration booking = a.book();
            assertThat(a.run.meeting(a.meetingId).invites()).hasSize(170);
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
            assertThat(a.sentTo("v1")).as("viewers on visitor node v1").isEqualTo(60);
            assertThat(a.sentTo("v2")).as("viewers on visitor node v2").isEqualTo(60);
            assertThat(a.sentTo("")).as("interactive sites in the main room").isEqualTo(50);
            a.joinsConfirmed(WAIT);
            Duration rollCall = a.rollCallComplete(WAIT);
            System.out.printf("all-hands of 170 (120 viewers on 2 visitor nodes): booking %s, T-15 %s, dial-out %s, "
                    + "focus answered %s, roll-call %s after the last join%n", booking, prepare, dial,
                    a.focusAnswered(), rollCall);
            assertThat(a.missing()).as("every invited site PRESENT").isEmpty();

            AttributionController attribution = a.ctx.getBean(AttributionController.class);
            a.endpoints().forEach((endpoint, site) -> assertThat(attribution.attribute(a.room, endpoint).siteCode())
                    .as("endpoint %s", endpoint).isEqualTo(site));
            // The collector names the room as lib-jitsi-meet's confName may: the bare room JID works too.
            String first = a.endpoints().keySet().iterator().next();
            assertThat(attribution.attribute(a.room + "@" + ProsodyServer.MUC, first).siteCode())
                    .isEqualTo(a.endpoints().get(first));

            // A viewer (the last site, on a visitor node) leaves: mod_hoinghi_roll_call forwards its unavailable.
            String viewer = a.endpoints().values().stream().reduce((x, y) -> y).orElseThrow();
            a.leave(a.sites.size() - 1);
            assertThat(TestClients.eventually(WAIT, () -> a.notIn(RollCall.State.LEFT).size() == 169))
                    .as("%s LEFT, every other site still PRESENT", viewer).isTrue();
            assertThat(a.missing()).containsExactly(viewer);
            // ...and comes back while HoiNghi sits on its node: the module's live forwarding, not the hand-over
            // of the visitors already there that HoiNghi got when it followed Jicofo onto the node.
            a.rejoin(a.sites.size() - 1);
            assertThat(TestClients.eventually(WAIT, () -> a.missing().isEmpty())).as("%s back", viewer).isTrue();

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
