package vn.hoinghi.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of PromQL to say which metrics and labels an expression names: every vector selector (metric name
 * and the label names of its matchers) and every label in a {@code by / without / on / ignoring / group_left /
 * group_right} list. Strings, numbers, durations, range and subquery brackets, operators and Grafana variables
 * ({@code $region}, {@code ${x}}, {@code $__rate_interval}) are skipped. An identifier followed by "(" must be a
 * known function, so a typo in a function name is not mistaken for a metric. No Java PromQL parser is published
 * on Maven Central that covers current PromQL; promtool itself checks the full syntax of every rule.
 */
final class PromQl {
    /** One vector selector: {@code name{label=…}}; name is null for a bare {@code {__name__=…}}. */
    record Selector(String metric, Set<String> labels) {
    }

    record Parsed(List<Selector> selectors, Set<String> groupingLabels) {
        Set<String> metrics() {
            Set<String> out = new LinkedHashSet<>();
            selectors.forEach(s -> out.add(s.metric()));
            return out;
        }
    }

    private static final Set<String> FUNCTIONS = Set.of("abs", "absent", "absent_over_time", "avg", "avg_over_time",
            "bottomk", "ceil", "changes", "clamp", "clamp_max", "clamp_min", "count", "count_over_time",
            "count_values", "day_of_month", "day_of_week", "day_of_year", "days_in_month", "delta", "deriv", "exp",
            "floor", "group", "histogram_quantile", "holt_winters", "hour", "idelta", "increase", "irate",
            "label_join", "label_replace", "last_over_time", "ln", "log10", "log2", "max", "max_over_time", "min",
            "min_over_time", "minute", "month", "predict_linear", "present_over_time", "quantile",
            "quantile_over_time", "rate", "resets", "round", "scalar", "sgn", "sort", "sort_desc", "sqrt", "stddev",
            "stddev_over_time", "stdvar", "stdvar_over_time", "sum", "sum_over_time", "time", "timestamp", "topk",
            "vector", "year", "label_values");
    private static final Set<String> GROUPING = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right");
    private static final Set<String> WORDS = Set.of("and", "or", "unless", "bool", "offset", "atan2", "inf", "nan");
    private static final Pattern TOKEN = Pattern.compile(
            "\\s+|#[^\\n]*"                                   // blanks and comments
                    + "|(?<str>\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`)"
                    + "|(?<var>\\$\\{[^}]*}|\\$[A-Za-z_][A-Za-z0-9_]*)"
                    + "|(?<num>(?:0x[0-9a-fA-F]+|[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)(?:[smhdwy]|ms)*)"
                    + "|(?<id>[A-Za-z_:][A-Za-z0-9_:]*)"
                    + "|(?<op>=~|!~|!=|==|<=|>=|[-+*/%^<>=(){}\\[\\],:@])");

    private PromQl() {
    }

    static Parsed parse(String expr) {
        List<String[]> tokens = tokens(expr);
        List<Selector> selectors = new ArrayList<>();
        Set<String> grouping = new LinkedHashSet<>();
        int i = 0;
        while (i < tokens.size()) {
            String[] t = tokens.get(i);
            if (t[0].equals("op") && t[1].equals("[")) {
                i = skipPast(tokens, i, "]");
            } else if (t[0].equals("op") && t[1].equals("{")) {
                Set<String> labels = new LinkedHashSet<>();
                i = matchers(tokens, i, labels);
                selectors.add(new Selector(null, labels));
            } else if (t[0].equals("id")) {
                String word = t[1];
                String next = i + 1 < tokens.size() ? tokens.get(i + 1)[1] : "";
                if (GROUPING.contains(word)) {
                    i = labelList(tokens, i + 1, grouping);
                } else if (WORDS.contains(word.toLowerCase())) {
                    i++;
                } else if (FUNCTIONS.contains(word) && (next.equals("by") || next.equals("without"))) {
                    i++;
                } else if (next.equals("(")) {
                    if (!FUNCTIONS.contains(word)) {
                        throw new IllegalArgumentException("unknown function " + word + " in: " + expr);
                    }
                    i++;
                } else {
                    Set<String> labels = new LinkedHashSet<>();
                    i = next.equals("{") ? matchers(tokens, i + 1, labels) : i + 1;
                    selectors.add(new Selector(word, labels));
                }
            } else {
                i++;
            }
        }
        return new Parsed(selectors, grouping);
    }

    /** {@code label_values(metric, label)} and {@code label_values(label)}: Grafana's variable query. */
    static Parsed parseVariableQuery(String query) {
        Matcher m = Pattern.compile("^\\s*label_values\\((.*),\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\)\\s*$").matcher(query);
        if (!m.matches()) {
            return parse(query);
        }
        Parsed inner = parse(m.group(1));
        Set<String> labels = new LinkedHashSet<>(inner.groupingLabels());
        labels.add(m.group(2));
        return new Parsed(inner.selectors(), labels);
    }

    private static int matchers(List<String[]> tokens, int open, Set<String> labels) {
        int i = open + 1;
        while (i < tokens.size() && !tokens.get(i)[1].equals("}")) {
            String[] t = tokens.get(i);
            if (t[0].equals("id") && i + 1 < tokens.size() && tokens.get(i + 1)[0].equals("op")
                    && Set.of("=", "!=", "=~", "!~").contains(tokens.get(i + 1)[1])) {
                labels.add(t[1]);
            }
            i++;
        }
        return i + 1;
    }

    private static int labelList(List<String[]> tokens, int open, Set<String> into) {
        if (open >= tokens.size() || !tokens.get(open)[1].equals("(")) {
            return open;
        }
        int i = open + 1;
        while (i < tokens.size() && !tokens.get(i)[1].equals(")")) {
            if (tokens.get(i)[0].equals("id")) {
                into.add(tokens.get(i)[1]);
            }
            i++;
        }
        return i + 1;
    }

    private static int skipPast(List<String[]> tokens, int i, String close) {
        while (i < tokens.size() && !tokens.get(i)[1].equals(close)) {
            i++;
        }
        return i + 1;
    }

    private static List<String[]> tokens(String expr) {
        List<String[]> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(expr);
        int at = 0;
        while (at < expr.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException("cannot read PromQL at '" + expr.substring(at) + "' in: " + expr);
            }
            for (String kind : new String[] {"str", "var", "num", "id", "op"}) {
                if (m.group(kind) != null) {
                    out.add(new String[] {kind, m.group(kind)});
                    break;
                }
            }
            at = m.end();
        }
        return out;
    }
}
