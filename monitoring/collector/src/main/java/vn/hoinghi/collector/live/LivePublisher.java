package vn.hoinghi.collector.live;

import io.vertx.core.json.JsonObject;

/** Pushes an event to whoever watches a meeting live (SSE clients through the event bus in production). */
public interface LivePublisher {

  void publish(String meeting, String event, JsonObject body);

  static String address(String meeting) {
    return "hoinghi.live." + meeting;
  }
}
