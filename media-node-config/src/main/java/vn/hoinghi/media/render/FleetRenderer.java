package vn.hoinghi.media.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import vn.hoinghi.media.capacity.CapacityModel;
import vn.hoinghi.media.fleet.BridgeNode;
import vn.hoinghi.media.fleet.FleetSpec;
import vn.hoinghi.media.fleet.RegionSpec;
import vn.hoinghi.media.fleet.ShardSpec;
import vn.hoinghi.media.fleet.VisitorNode;

/**
 * Renders every configuration file of a fleet. Paths are relative to the output directory, one folder per node
 * ({@code jvb/jvb-north-1/jvb.conf}, {@code prosody/s1/prosody.cfg.lua}, {@code prosody-visitor/v1/...}) so
 * Ansible can copy a folder per host; {@code orchestrator/visitor-nodes.yml} is the orchestrator's side of the
 * visitor nodes.
 */
public final class FleetRenderer {
    private final CapacityModel model;

    public FleetRenderer(CapacityModel model) {
        this.model = model;
    }

    public SortedMap<String, String> render(FleetSpec f) {
        SortedMap<String, String> files = new TreeMap<>();
        for (ShardSpec s : f.shards()) {
            files.put("prosody/" + s.name() + "/prosody.cfg.lua", ProsodyRenderer.render(f, s));
            files.put("jicofo/" + s.name() + "/jicofo.conf", JicofoRenderer.render(f, model, s));
        }
        for (VisitorNode v : f.visitorNodes()) {
            files.put("prosody-visitor/" + v.id() + "/prosody.cfg.lua", VisitorProsodyRenderer.render(f, model, v));
        }
        files.put("orchestrator/visitor-nodes.yml", OrchestratorVisitorNodesRenderer.render(f));
        files.put("web/config.hoinghi.js", WebConfigRenderer.render(f, model));
        for (BridgeNode b : f.bridges()) {
            files.put("jvb/" + b.id() + "/jvb.conf", JvbRenderer.render(f, model, b));
        }
        for (RegionSpec r : f.regions()) {
            for (int i = 1; i <= r.jibriSip(); i++) {
                String id = "jibri-" + r.id() + "-" + i;
                files.put("jibri/" + id + "/jibri.conf", JibriRenderer.render(f, id));
                files.put("jibri/" + id + "/pjsua.config", JibriRenderer.pjsua(f));
            }
            if (r.jigasi() > 0) {
                files.put("jigasi/jigasi-" + r.id() + "/sip-communicator.properties", JigasiRenderer.render(f, r));
                files.put("jigasi/jigasi-" + r.id() + "/jigasi.conf", JigasiRenderer.hocon(r));
            }
        }
        return files;
    }

    /** Writes {@link #render} under {@code dir}, creating folders; returns the files written. */
    public SortedMap<String, String> write(FleetSpec f, Path dir) throws IOException {
        SortedMap<String, String> files = render(f);
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path target = dir.resolve(e.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, e.getValue());
        }
        return files;
    }
}
