package vn.hoinghi.media.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.hoinghi.media.fleet.FleetYaml;
import vn.hoinghi.media.render.FleetRenderer;

@Command(name = "render", description = "Fleet file -> directory of per-shard Prosody and Jicofo, visitor-node "
        + "Prosody, JVB, Jibri, Jigasi, web configs.")
final class RenderCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FLEET.yaml", description = "Fleet file (see examples/fleet.yaml).")
    Path fleet;

    @Option(names = {"-o", "--out"}, required = true, description = "Directory to write into (created).")
    Path out;

    @Mixin
    CapacityOptions capacity;

    @Override
    public Integer call() throws Exception {
        SortedMap<String, String> files = new FleetRenderer(capacity.model(Map.of()))
                .write(FleetYaml.read(fleet), out);
        files.keySet().forEach(p -> spec.commandLine().getOut().println(out.resolve(p)));
        return 0;
    }
}
