package vn.hoinghi.collector.live;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/** Publishes live events as ready-to-write SSE text on the local event bus, one address per meeting. */
public final class EventBusPublisher implements LivePublisher {

  private final Vertx vertx;

  public EventBusPublisher(Vertx vertx) {
    this.vertx = vertx;
  }

  @Override
  public void publish(String meeting, String event, JsonObject body) {
    vertx.eventBus().publish(LivePublisher.address(meeting), "event: " + event + "\ndata: " + body.encode() + "\n\n");
  }
}
