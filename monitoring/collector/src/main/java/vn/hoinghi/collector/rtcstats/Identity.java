package vn.hoinghi.collector.rtcstats;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The merged identity frames of a session (later wins). Only short scalar values are kept and at most a bounded
 * number of keys, but the keys that attribute a participant are always kept. None of it is trusted: the site comes
 * from the orchestrator, these only name the (meeting, endpoint id) to ask about.
 */
public final class Identity {

  private static final Set<String> KEY_FIELDS =
      Set.of("confName", "confID", "endpointId", "meetingUniqueId", "displayName", "applicationName");
  private static final int MAX_VALUE = 256;
  private static final int MAX_MEETING = 128;

  private final Map<String, String> values = new HashMap<>();
  private final int maxKeys;

  public Identity(int maxKeys) {
    this.maxKeys = maxKeys;
  }

  /** Merges one identity frame's {@code data}: an array of objects (as sent) or an object. */
  public void merge(Object data) {
    if (data instanceof JsonArray array) {
      for (Object element : array) {
        merge(element);
      }
    } else if (data instanceof JsonObject object) {
      for (Map.Entry<String, Object> e : object) {
        Object v = e.getValue();
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
          put(e.getKey(), String.valueOf(v));
        }
      }
    }
  }

  private void put(String key, String value) {
    if (!KEY_FIELDS.contains(key) && !values.containsKey(key) && values.size() >= maxKeys) {
      return;
    }
    values.put(key, value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) : value);
  }

  public String get(String key) {
    return values.get(key);
  }

  /** The room name, lower-cased as Prosody does; null until an identity frame names it. */
  public String meeting() {
    String name = values.get("confName");
    if (name == null || name.isBlank()) {
      return null;
    }
    String room = name.trim().toLowerCase(Locale.ROOT);
    int at = room.indexOf('@');
    room = at > 0 ? room.substring(0, at) : room;
    return room.length() > MAX_MEETING ? room.substring(0, MAX_MEETING) : room;
  }

  public String endpointId() {
    return values.get("endpointId");
  }

  public int size() {
    return values.size();
  }
}
