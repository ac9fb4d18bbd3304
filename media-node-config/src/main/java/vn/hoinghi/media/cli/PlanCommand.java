package vn.hoinghi.media.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.hoinghi.media.plan.DemandFile;
import vn.hoinghi.media.plan.DemandYaml;
import vn.hoinghi.media.plan.PlanFormats;
import vn.hoinghi.media.plan.ScalingPlanner;
import vn.hoinghi.media.plan.SlotNeed;

@Command(name = "plan", description = "Bookings -> nodes each region needs per 15-minute slot.")
final class PlanCommand implements Callable<Integer> {
    enum Format { table, json, autoscaler }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DEMAND.yaml", description = "Demand file whose meetings have start and end.")
    Path demand;

    @Option(names = "--format", defaultValue = "table",
            description = "table, json, or autoscaler (jitsi-autoscaler full-scaling requests). Default: table.")
    Format format;

    @Mixin
    CapacityOptions capacity;

    @Override
    public Integer call() throws Exception {
        DemandFile file = DemandYaml.parse(demand.getFileName().toString(), Files.readString(demand));
        if (file.bookings().isEmpty()) {
            throw new IllegalArgumentException(demand + ": no meeting has start and end, nothing to plan");
        }
        List<SlotNeed> plan = new ScalingPlanner(capacity.model(file.capacity()), file.prepare(), file.grace())
                .plan(file.bookings());
        spec.commandLine().getOut().print(switch (format) {
            case table -> PlanFormats.table(plan);
            case json -> PlanFormats.json(plan);
            case autoscaler -> PlanFormats.autoscaler(plan);
        });
        return 0;
    }
}
