package vn.hoinghi.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The expression reader that the metric-name check relies on: what it finds, and what it refuses. */
class PromQlTest {

    @Test
    void findsSelectorsMatchersAndGroupingLabels() {
        var p = PromQl.parse("histogram_quantile(0.95, sum by (le, uri) (rate(http_server_requests_seconds_bucket"
                + "{job=\"hoinghi-orchestrator\", status!~\"5..\"}[5m]))) > 0.5 and on (instance) up offset 5m");
        assertThat(p.metrics()).containsExactly("http_server_requests_seconds_bucket", "up");
        assertThat(p.selectors().get(0).labels()).containsExactly("job", "status");
        assertThat(p.groupingLabels()).containsExactly("le", "uri", "instance");
    }

    @Test
    void skipsStringsNumbersDurationsAndGrafanaVariables() {
        var p = PromQl.parse("(x_seconds{region=~\"$region\", a=\"sum(rate(y[1m]))\"} - time()) < 14 * 86400 "
                + "or rate(z_total[$__rate_interval]) > 1e-9");
        assertThat(p.metrics()).containsExactly("x_seconds", "z_total");
        assertThat(p.selectors().get(0).labels()).containsExactly("region", "a");
    }

    @Test
    void readsGrafanaLabelValues() {
        var p = PromQl.parseVariableQuery("label_values(hoinghi_fleet_nodes{kind=\"jvb\"}, region)");
        assertThat(p.metrics()).containsExactly("hoinghi_fleet_nodes");
        assertThat(p.groupingLabels()).containsExactly("region");
    }

    @Test
    void refusesAnUnknownFunction() {
        assertThatThrownBy(() -> PromQl.parse("summ(rate(x_total[5m]))"))
                .hasMessageContaining("unknown function summ");
    }
}
