package vn.hoinghi.orchestrator.provisioning;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import vn.hoinghi.orchestrator.booking.Meeting;
import vn.hoinghi.orchestrator.sites.RoomProtocol;
import vn.hoinghi.orchestrator.sites.Site;
import vn.hoinghi.orchestrator.sites.SiteStore;

import java.util.ArrayList;
import java.util.List;

/**
 * The fallback ladder for one invited site: its room system by video (Jibri SIP), the same by audio (Jigasi),
 * then the site contact's phone through the gateway. H.323 systems and phones are reached through the SIP
 * gateway domain; an audio-only invitation starts at the phone.
 */
@Singleton
public class DialTargets {
    private final SiteStore sites;
    private final ProvisioningConfig config;

    public DialTargets(SiteStore sites, ProvisioningConfig config) {
        this.sites = sites;
        this.config = config;
    }

    @Transactional(readOnly = true)
    public List<DialPolicy.Step> ladder(Meeting.Invitation invite) {
        Site site = sites.find(invite.site()).orElse(null);
        List<DialPolicy.Step> ladder = new ArrayList<>();
        if (site == null) {
            return ladder;
        }
        if ("ROOM_SYSTEM".equals(invite.wayIn()) && invite.roomSystem() != null) {
            Site.RoomSystem room = site.roomSystems().stream()
                    .filter(r -> r.address().equalsIgnoreCase(invite.roomSystem())).findFirst().orElse(null);
            String uri = room != null && room.protocol() == RoomProtocol.H323
                    ? "sip:" + invite.roomSystem().replaceFirst("^h323:", "").replace("@", ".") + "@"
                    + config.getGatewayDomain()
                    : invite.roomSystem();
            ladder.add(new DialPolicy.Step(DialMethod.VIDEO, uri));
            ladder.add(new DialPolicy.Step(DialMethod.AUDIO, uri));
        }
        String phone = site.contact().phone();
        if (phone != null) {
            ladder.add(new DialPolicy.Step(DialMethod.PHONE, "sip:" + phone.replaceAll("[^0-9+]", "") + "@"
                    + config.getGatewayDomain()));
        }
        return ladder;
    }
}
