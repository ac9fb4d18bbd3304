package vn.hoinghi.orchestrator.demo;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import vn.hoinghi.orchestrator.booking.RegionFleetConfig;
import vn.hoinghi.orchestrator.fleet.UnwatchedFleet;
import vn.hoinghi.orchestrator.provisioning.FleetEvents;
import vn.hoinghi.orchestrator.provisioning.FleetRegistry;
import vn.hoinghi.orchestrator.provisioning.MediaNode;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo's media fleet: the demo runs no Jitsi, so without this the operators' fleet page would be empty and
 * cordon / drain / enable could not be tried. It lists the bridges and Jigasis the configured fleet
 * ({@code hoinghi.fleet}) says each region has, as brewery presence would, so admission offers exactly what it
 * offered before; one bridge of the last region is LOST, to show how a silent node looks. Jibri SIP gateways are
 * left out (their presence names no region, and 100 rows would bury the bridges), so admission keeps their
 * configured counts. Every node's version says "demo (simulated)"; operator states are stored and audited by the
 * real fleet API before they reach this map. The lost bridge is reported at start-up through the real
 * {@link FleetEvents}, so the alerts page has an alert to acknowledge.
 */
@Singleton
@Requires(property = "hoinghi.demo.enabled", value = "true")
@Requires(property = "hoinghi.xmpp.enabled", notEquals = "true")
@Replaces(UnwatchedFleet.class)
public class DemoFleet implements FleetRegistry {
    static final String VERSION = "demo (simulated)";
    private final Clock clock;
    private final FleetEvents events;
    private final List<MediaNode> seeded;
    private final Map<String, MediaNode.Status> statuses = new ConcurrentHashMap<>();

    public DemoFleet(List<RegionFleetConfig> regions, Clock clock, FleetEvents events) {
        this.clock = clock;
        this.events = events;
        this.seeded = seed(regions.stream().sorted(Comparator.comparing(RegionFleetConfig::getRegion)).toList());
        seeded.forEach(n -> statuses.put(n.id(), MediaNode.Status.ENABLED));
    }

    @EventListener
    public void onStartup(StartupEvent event) {
        seeded.stream().filter(n -> n.status() == MediaNode.Status.LOST)
                .forEach(n -> events.lost(n, "demo: silent for 3 stats intervals (simulated)"));
    }

    @Override
    public List<MediaNode> nodes() {
        return seeded.stream().map(n -> new MediaNode(n.id(), n.kind(), n.region(),
                n.status() == MediaNode.Status.LOST ? n.status() : statuses.get(n.id()), n.stress(),
                n.conferences(), n.participants(), n.draining(), n.gracefulShutdown(), n.version(), n.busy(),
                n.status() == MediaNode.Status.LOST ? n.lastSeen() : clock.instant())).toList();
    }

    @Override
    public void setStatus(String id, MediaNode.Status status) {
        MediaNode.Status now = statuses.get(id);
        if (now == null) {
            throw new NoSuchElementException(id);
        }
        if (status == MediaNode.Status.LOST) {
            throw new IllegalArgumentException("LOST is observed, never set: " + id);
        }
        // As the brewery registry: a LOST node keeps the operator's state for when it comes back.
        statuses.put(id, status);
    }

    private List<MediaNode> seed(List<RegionFleetConfig> regions) {
        List<MediaNode> out = new ArrayList<>();
        for (int r = 0; r < regions.size(); r++) {
            RegionFleetConfig region = regions.get(r);
            String code = region.getRegion().toUpperCase(Locale.ROOT);
            String prefix = code.toLowerCase(Locale.ROOT);
            for (int i = 1; i <= region.getBridges(); i++) {
                boolean lost = r == regions.size() - 1 && i == region.getBridges();
                // A spread of loads so the page shows light and busy bridges, the same on every run.
                double stress = 0.04 + 0.11 * ((i * 3 + r) % 6);
                out.add(node("jvb-" + prefix + "-" + i, MediaNode.Kind.JVB, code, lost, stress, (i + r) % 3,
                        ((i + r) % 3) * 7));
            }
            for (int i = 1; i <= region.getJigasi(); i++) {
                out.add(node("jigasi-" + prefix + "-" + i, MediaNode.Kind.JIGASI, code, false, 0.02, 0, 0));
            }
        }
        return List.copyOf(out);
    }

    private MediaNode node(String id, MediaNode.Kind kind, String region, boolean lost, double stress,
                           int conferences, int participants) {
        return new MediaNode(id, kind, region, lost ? MediaNode.Status.LOST : MediaNode.Status.ENABLED,
                lost ? 0 : stress, lost ? 0 : conferences, lost ? 0 : participants, false, false, VERSION, false,
                clock.instant().minusSeconds(lost ? 95 : 0));
    }
}
