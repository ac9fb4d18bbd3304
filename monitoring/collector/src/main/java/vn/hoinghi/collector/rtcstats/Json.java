package vn.hoinghi.collector.rtcstats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;

/** Shared streaming JSON factory: frames are read token by token, never into a generic tree (50,000 frames/s). */
final class Json {

  static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
      .build();

  private Json() {}

  /** Any value, structures as Map/List: only for fields a filter keeps whole (nested objects are always resent). */
  static Object tree(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.START_OBJECT) {
      java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
      for (JsonToken k = p.nextToken(); k == JsonToken.FIELD_NAME; k = p.nextToken()) {
        String name = p.currentName();
        map.put(name, tree(p, p.nextToken()));
      }
      return map;
    }
    if (t == JsonToken.START_ARRAY) {
      java.util.List<Object> list = new java.util.ArrayList<>();
      for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
        list.add(tree(p, v));
      }
      return list;
    }
    return scalar(p, t);
  }

  /** A scalar value as a Java object (Long, Double, String, Boolean or null); structures are skipped and give null. */
  static Object scalar(JsonParser p, JsonToken t) throws IOException {
    return switch (t) {
      case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
          ? p.getDoubleValue() : (Object) p.getLongValue();
      case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
      case VALUE_STRING -> p.getText();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case START_OBJECT, START_ARRAY -> {
        p.skipChildren();
        yield null;
      }
      default -> null;
    };
  }
}
