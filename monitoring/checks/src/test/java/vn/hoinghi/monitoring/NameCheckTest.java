package vn.hoinghi.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The check MetricNamesTest applies to every rule and panel, on names that are and are not exported. */
class NameCheckTest {
    private static final Map<String, Set<String>> EXPORTED = Map.of("hoinghi_jobs", Set.of("kind", "status"));
    private static final Map<String, Set<String>> THIRD = Map.of("pg_up", Set.of());
    private static final Map<String, Set<String>> RECORDED = Map.of("hoinghi:x", Set.of("region", "job"));

    private static List<String> problems(String expr) {
        List<String> out = new ArrayList<>();
        NameCheck.check("e", PromQl.parse(expr), EXPORTED, THIRD, RECORDED, out);
        return out;
    }

    @Test
    void acceptsExportedThirdPartyAndRecordedNames() {
        assertThat(problems("sum by (kind) (hoinghi_jobs{status=\"pending\", job=\"o\"}) > 0 or pg_up{region=\"north\"} == 0"
                + " or hoinghi:x{region=\"south\"}")).isEmpty();
    }

    @Test
    void reportsAnUnknownMetricAMissingLabelAndAGroupingLabelNoMetricHas() {
        assertThat(problems("hoinghi_job")).containsExactly("e: metric hoinghi_job is not exported");
        assertThat(problems("hoinghi_jobs{region=\"north\"}")).singleElement().asString()
                .contains("hoinghi_jobs has no label region");
        assertThat(problems("sum by (region) (hoinghi_jobs)")).containsExactly(
                "e: no metric of the expression has the label region");
    }
}
