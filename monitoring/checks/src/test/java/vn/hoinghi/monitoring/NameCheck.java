package vn.hoinghi.monitoring;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether one expression names only what exists: each selector's metric is exported (or listed as third-party,
 * or recorded by a rule) and has every label its matchers use; each grouping label is on some metric of the
 * expression. Target labels (job, instance) exist on everything; third-party series also get region.
 */
final class NameCheck {
    static final Set<String> TARGET_LABELS = Set.of("job", "instance");

    private NameCheck() {
    }

    static void check(String where, PromQl.Parsed p, Map<String, Set<String>> exported,
                              Map<String, Set<String>> thirdParty, Map<String, Set<String>> recorded,
                              List<String> problems) {
        Set<String> labelsInExpression = new HashSet<>(TARGET_LABELS);
        for (PromQl.Selector s : p.selectors()) {
            if (s.metric() == null) {
                problems.add(where + ": a selector without a metric name");
                continue;
            }
            Set<String> known = new HashSet<>(TARGET_LABELS);
            if (exported.containsKey(s.metric())) {
                known.addAll(exported.get(s.metric()));
            } else if (thirdParty.containsKey(s.metric())) {
                known.addAll(thirdParty.get(s.metric()));
                known.add("region");
            } else if (recorded.containsKey(s.metric())) {
                known.addAll(recorded.get(s.metric()));
            } else {
                problems.add(where + ": metric " + s.metric() + " is not exported");
                continue;
            }
            labelsInExpression.addAll(known);
            for (String label : s.labels()) {
                if (!known.contains(label)) {
                    problems.add(where + ": " + s.metric() + " has no label " + label + " (it has " + known + ")");
                }
            }
        }
        for (String label : p.groupingLabels()) {
            if (!labelsInExpression.contains(label)) {
                problems.add(where + ": no metric of the expression has the label " + label);
            }
        }
    }

}
