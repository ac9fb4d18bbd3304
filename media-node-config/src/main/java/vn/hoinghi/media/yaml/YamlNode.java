package vn.hoinghi.media.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A YAML node that remembers where it came from. Reading goes through the composed node tree (not plain maps) so
 * every error can name its line and field; unknown keys are errors, because a misspelt key silently falling back to
 * a default is how a fleet ends up half the size it was meant to be.
 */
public final class YamlNode {
    private final String source;
    private final String path;
    private final Node node;

    private YamlNode(String source, String path, Node node) {
        this.source = source;
        this.path = path;
        this.node = node;
    }

    public static YamlNode parse(String source, String text) {
        try {
            Optional<Node> root = new Compose(LoadSettings.builder().setLabel(source).build())
                    .composeString(text);
            return new YamlNode(source, "", root.orElseThrow(() -> new ConfigException(source, 1, "", "empty file")));
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(1);
            throw new ConfigException(source, line, "", "not valid YAML: " + e.getProblem());
        } catch (YamlEngineException e) {
            throw new ConfigException(source, 1, "", "not valid YAML: " + e.getMessage());
        }
    }

    public int line() {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(1);
    }

    public String path() {
        return path;
    }

    public ConfigException error(String problem) {
        return new ConfigException(source, line(), path, problem);
    }

    /** The entries of a mapping, refusing any key outside {@code allowed}. */
    public Map<String, YamlNode> mapping(Set<String> allowed) {
        if (!(node instanceof MappingNode m)) {
            throw error("expected a mapping of keys to values");
        }
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            YamlNode key = new YamlNode(source, path, t.getKeyNode());
            String name = key.string();
            String childPath = path.isEmpty() ? name : path + "." + name;
            if (!allowed.isEmpty() && !allowed.contains(name)) {
                throw new ConfigException(source, key.line(), childPath, "unknown key; expected one of " + allowed);
            }
            if (entries.put(name, new YamlNode(source, childPath, t.getValueNode())) != null) {
                throw new ConfigException(source, key.line(), childPath, "key given twice");
            }
        }
        return entries;
    }

    public List<YamlNode> list() {
        if (!(node instanceof SequenceNode s)) {
            throw error("expected a list");
        }
        List<YamlNode> items = new ArrayList<>();
        for (int i = 0; i < s.getValue().size(); i++) {
            items.add(new YamlNode(source, path + "[" + i + "]", s.getValue().get(i)));
        }
        return items;
    }

    public String string() {
        if (!(node instanceof ScalarNode s)) {
            throw error("expected a single value");
        }
        return s.getValue();
    }

    public int integer(int min) {
        String text = string().replace("_", "");
        try {
            int v = Integer.parseInt(text);
            if (v < min) {
                throw error("must be at least " + min + ", got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw error("expected a whole number, got '" + string() + "'");
        }
    }

    /** A required child of a mapping read with {@link #mapping}. */
    public static YamlNode require(YamlNode parent, Map<String, YamlNode> entries, String key) {
        YamlNode child = entries.get(key);
        if (child == null) {
            throw new ConfigException(parent.source, parent.line(),
                    parent.path.isEmpty() ? key : parent.path + "." + key, "missing");
        }
        return child;
    }
}
