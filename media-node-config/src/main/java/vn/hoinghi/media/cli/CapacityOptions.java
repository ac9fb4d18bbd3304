package vn.hoinghi.media.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import vn.hoinghi.media.capacity.CapacityModel;

/** {@code -p name=value}: overrides any capacity parameter on the command line (after the demand file's own). */
final class CapacityOptions {
    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = "Override a capacity parameter, e.g. -p bridgeStressPps=60000 (see README for names).")
    Map<String, String> params = new LinkedHashMap<>();

    CapacityModel model(Map<String, String> fromFile) {
        Map<String, String> all = new LinkedHashMap<>(fromFile);
        all.putAll(params);
        return CapacityModel.defaults().with(all);
    }
}
