package vn.hoinghi.orchestrator.demo;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo's frames parse as the collector reads lib-jitsi-meet's: identity first, then counters that grow. */
class RtcstatsFramesTest {
    private final JsonMapper json = JsonMapper.createDefault();

    @Test
    void identityThenStatsEntriesWhoseCountersGrowAsThePoorLinkLoses() throws IOException {
        RtcstatsFrames f = new RtcstatsFrames("hn7", "demo-stp-hcm", RtcstatsFrames.Link.POOR);
        Map<String, Object> identity = map(f.identity());
        assertThat(identity).containsEntry("type", "identity").containsEntry("statsSessionId", f.session());
        assertThat((List<?>) identity.get("data")).singleElement().asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("confName", "hn7").containsEntry("endpointId", "demo-stp-hcm");

        List<?> first = entry(f.sample(1_000));
        List<?> second = entry(f.sample(3_000));
        assertThat(List.<Object>copyOf(first.subList(0, 2))).containsExactly("getstats", "PC_0");
        assertThat(((Number) first.get(4)).intValue()).isEqualTo(1);
        assertThat(((Number) second.get(4)).intValue()).isEqualTo(2);
        assertThat(((Number) second.get(3)).longValue()).isEqualTo(3_000);
        assertThat(lost(second)).isEqualTo(2 * lost(first)).isEqualTo(16);
    }

    @Test
    void refusesIdsThatWouldNeedEscaping() {
        assertThatThrownBy(() -> new RtcstatsFrames("hn\"7", "x", RtcstatsFrames.Link.GOOD))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private List<?> entry(String frame) throws IOException {
        Map<String, Object> m = map(frame);
        assertThat(m).containsEntry("type", "stats-entry");
        return json.readValue((String) m.get("data"), Argument.listOf(Object.class));
    }

    @SuppressWarnings("unchecked")
    private static long lost(List<?> entry) {
        Map<String, Object> stats = (Map<String, Object>) entry.get(2);
        return ((Number) ((Map<String, Object>) stats.get("IT01A")).get("packetsLost")).longValue();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(String text) throws IOException {
        return json.readValue(text, Argument.mapOf(String.class, Object.class));
    }
}
