package vn.hoinghi.media.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.hoinghi.media.capacity.CapacityModel;
import vn.hoinghi.media.fleet.FleetYaml;

/**
 * Every file rendered for the 3-region example fleet equals its reviewed copy under
 * {@code src/test/resources/golden}. After an intended change: {@code mvn test -Dgolden.update=true}, then review
 * the diff in git.
 */
class GoldenFilesTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @Test
    void renderedFleetMatchesTheGoldenFiles() throws IOException {
        SortedMap<String, String> files = new FleetRenderer(CapacityModel.defaults())
                .render(FleetYaml.read(Path.of("examples/fleet.yaml")));
        if (Boolean.getBoolean("golden.update")) {
            new FleetRenderer(CapacityModel.defaults()).write(FleetYaml.read(Path.of("examples/fleet.yaml")), GOLDEN);
        }
        List<String> golden;
        try (Stream<Path> walk = Files.walk(GOLDEN)) {
            golden = walk.filter(Files::isRegularFile).map(p -> GOLDEN.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
        assertThat(golden).containsExactlyElementsOf(files.keySet());
        for (Map.Entry<String, String> e : files.entrySet()) {
            assertThat(e.getValue()).as(e.getKey()).isEqualTo(Files.readString(GOLDEN.resolve(e.getKey())));
        }
    }
}
