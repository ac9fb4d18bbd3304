package vn.hoinghi.orchestrator.provisioning.xmpp;

import org.jivesoftware.smack.packet.StandardExtensionElement;

import java.util.List;

/**
 * The presence element mod_hoinghi_main_room (orchestrator/prosody-plugins) reads from HoiNghi's occupant: the site
 * codes Jicofo keeps in the main room, which the module stores where jitsi-meet's room metadata component reads
 * {@code participants} for Jicofo. Prosody strips it, so no other occupant sees the list.
 */
final class MainRoomSites {
    static final String ELEMENT = "main-room";
    static final String NAMESPACE = "urn:hoinghi:main-room";

    private MainRoomSites() {
    }

    static StandardExtensionElement of(List<String> sites) {
        StandardExtensionElement.Builder b = StandardExtensionElement.builder(ELEMENT, NAMESPACE);
        for (String site : sites) {
            b.addElement(StandardExtensionElement.builder("site", NAMESPACE).addAttribute("id", site).build());
        }
        return b.build();
    }
}
