package vn.hoinghi.media.capacity;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Every figure the capacity arithmetic uses, with the default DESIGN.md §4 takes from Jitsi. Each one can be
 * overridden by name ({@link #with(Map)}), so a deployment that measured its own bridges never edits code.
 * The module README gives each figure's source.
 */
public record CapacityModel(
        int audioKbps,
        int lowDefKbps,
        int standardDefKbps,
        int highDefKbps,
        int onStagePps,
        int lowDefPps,
        int audioPps,
        int bridgeStressPps,
        double overloadedStress,
        int maxConferenceParticipantsPerBridge,
        int mainRoomMax,
        int visitorsPerNodeSoft,
        int visitorsPerNodeHard,
        NavigableMap<Integer, Integer> lastNLimits,
        int sipVideoPerJibri,
        int callsPerJigasi,
        int mainRoomEndpointsPerShard) {

    public CapacityModel {
        if (bridgeStressPps <= 0 || overloadedStress <= 0 || overloadedStress > 1) {
            throw new IllegalArgumentException("bridgeStressPps must be > 0 and overloadedStress in (0, 1]");
        }
        if (maxConferenceParticipantsPerBridge <= 0 || mainRoomMax <= 0 || visitorsPerNodeSoft <= 0
                || sipVideoPerJibri <= 0 || callsPerJigasi <= 0 || mainRoomEndpointsPerShard <= 0) {
            throw new IllegalArgumentException("per-node capacities must be > 0");
        }
        if (visitorsPerNodeSoft > visitorsPerNodeHard) {
            throw new IllegalArgumentException("visitorsPerNodeSoft must not exceed visitorsPerNodeHard");
        }
        lastNLimits = java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(lastNLimits));
    }

    public static CapacityModel defaults() {
        return new CapacityModel(40, 200, 500, 1500, 300, 100, 50, 50_000, 0.8, 80, 50, 500, 2000,
                parseLastN("20:20,30:15,50:10,90:2"), 1, 10, 2000);
    }

    /** Packets per second one bridge may carry before Jicofo sees it as overloaded (stress 0.8 of 50,000). */
    public long plannedPpsPerBridge() {
        return Math.round(bridgeStressPps * overloadedStress);
    }

    /**
     * Last-N for a conference of {@code size} endpoints, as jitsi-meet's {@code lastNLimits}: the entry with the
     * largest key not above the size wins; below the smallest key every endpoint is forwarded (-1).
     */
    public int lastNFor(int size) {
        Map.Entry<Integer, Integer> e = lastNLimits.floorEntry(size);
        return e == null ? -1 : e.getValue();
    }

    /** A copy with the named components replaced; values are parsed from text as a CLI or YAML gives them. */
    public CapacityModel with(Map<String, String> overrides) {
        RecordComponent[] components = CapacityModel.class.getRecordComponents();
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                values[i] = components[i].getAccessor().invoke(this);
            }
            for (Map.Entry<String, String> o : overrides.entrySet()) {
                int i = indexOf(components, o.getKey());
                values[i] = parse(components[i].getType(), o.getKey(), o.getValue().trim());
            }
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Constructor<CapacityModel> canonical = CapacityModel.class.getDeclaredConstructor(types);
            return canonical.newInstance(values);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalArgumentException(e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The parameter names {@link #with(Map)} accepts, in declaration order. */
    public static java.util.List<String> parameterNames() {
        return Arrays.stream(CapacityModel.class.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static int indexOf(RecordComponent[] components, String name) {
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown capacity parameter '" + name + "'; known: " + parameterNames());
    }

    private static Object parse(Class<?> type, String name, String text) {
        try {
            if (type == int.class) {
                return Integer.parseInt(text.replace("_", ""));
            }
            if (type == double.class) {
                return Double.parseDouble(text);
            }
            return parseLastN(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("capacity parameter '" + name + "': not a number: " + text, e);
        }
    }

    /** "20:20,30:15" → {20=20, 30=15}: conference size threshold → last-N. */
    static NavigableMap<Integer, Integer> parseLastN(String text) {
        NavigableMap<Integer, Integer> map = new TreeMap<>();
        for (String pair : text.split(",")) {
            String[] kv = pair.trim().split(":");
            if (kv.length != 2) {
                throw new NumberFormatException("expected size:lastN pairs, got '" + pair + "'");
            }
            map.put(Integer.parseInt(kv[0].trim()), Integer.parseInt(kv[1].trim()));
        }
        return map;
    }
}
