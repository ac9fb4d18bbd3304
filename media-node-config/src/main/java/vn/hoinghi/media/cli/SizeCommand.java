package vn.hoinghi.media.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.hoinghi.media.capacity.CapacityModel;
import vn.hoinghi.media.capacity.FleetSizer;
import vn.hoinghi.media.capacity.MeetingDemand;
import vn.hoinghi.media.capacity.NodeCount;
import vn.hoinghi.media.capacity.RegionFleet;
import vn.hoinghi.media.demo.DemoMinistry;
import vn.hoinghi.media.plan.DemandFile;
import vn.hoinghi.media.plan.DemandYaml;
import vn.hoinghi.media.text.Json;
import vn.hoinghi.media.text.TextTable;

@Command(name = "size", description = "Demand -> fleet per region, every meeting running at once, with reasons.")
final class SizeCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Source source;

    static final class Source {
        @Parameters(paramLabel = "DEMAND.yaml", description = "Demand file (see examples/demand.yaml).")
        Path demand;

        @Option(names = "--demo-ministry", description = "The demo Ministry: all-hands + 34 provincial meetings.")
        boolean demo;
    }

    @Option(names = "--json", description = "Print JSON instead of the table.")
    boolean json;

    @Mixin
    CapacityOptions capacity;

    @Override
    public Integer call() throws Exception {
        List<MeetingDemand> meetings;
        Map<String, String> fromFile = Map.of();
        if (source.demo) {
            meetings = DemoMinistry.bundled().allHandsPlusProvincialMeetings();
        } else {
            DemandFile file = DemandYaml.parse(source.demand.getFileName().toString(),
                    Files.readString(source.demand));
            meetings = file.meetings();
            fromFile = file.capacity();
        }
        CapacityModel model = capacity.model(fromFile);
        FleetSizer sizer = new FleetSizer(model);
        List<RegionFleet> fleet = sizer.size(meetings);
        NodeCount signalling = sizer.signalling(meetings);
        var out = spec.commandLine().getOut();
        if (json) {
            out.print(Json.write(toJson(meetings.size(), fleet, signalling)));
            return 0;
        }
        out.printf("%d meeting(s), %,d site connections, sized as if all run at once.%n", meetings.size(),
                meetings.stream().mapToInt(MeetingDemand::totalSites).sum());
        TextTable t = new TextTable("region", "nodes", "count", "why");
        for (RegionFleet r : fleet) {
            for (NodeCount n : r.nodes()) {
                t.row(r.region(), n.kind().label(), n.count(), n.reason());
            }
        }
        t.row("all", signalling.kind().label(), signalling.count(), signalling.reason());
        out.print(t);
        return 0;
    }

    private static Map<String, Object> toJson(int meetings, List<RegionFleet> fleet, NodeCount signalling) {
        List<Object> regions = new ArrayList<>();
        for (RegionFleet r : fleet) {
            Map<String, Object> region = new LinkedHashMap<>();
            region.put("region", r.region());
            region.put("peakPps", r.demand().pps());
            region.put("visitors", r.demand().visitorSlots());
            for (NodeCount n : r.nodes()) {
                region.put(n.kind().name(), Map.of("count", n.count(), "why", n.reason()));
            }
            regions.add(region);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("meetings", meetings);
        root.put("regions", regions);
        root.put("signalling", Map.of("count", signalling.count(), "why", signalling.reason()));
        return root;
    }
}
