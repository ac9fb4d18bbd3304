package vn.hoinghi.collector.vertx;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Runs every exchange of one HTTP client on the same Vert.x context, whoever asks.
 *
 * <p>Vert.x 5.0.7 (the version DESIGN.md verified) can drop the end of a response when {@code body()} runs on
 * another thread than the connection's event loop (eclipse-vertx/vert.x#6038, fixed in 5.0.11, whose stack BOM is
 * not served here). A pooled connection made on one event loop and reused by a caller on another (the ingest
 * verticles run one per core; tests call from their own thread) then hangs until the request's timeout. On one
 * context the connection and its reader share a thread. Answers complete on that thread too, so callers must not
 * rely on running on their own context.
 */
public final class OneContext {

  private final Context context;

  public OneContext(Vertx vertx) {
    this.context = vertx.getOrCreateContext();
  }

  public <T> Future<T> run(Supplier<Future<T>> exchange) {
    Promise<T> answer = Promise.promise();
    context.runOnContext(v -> {
      try {
        exchange.get().onComplete(answer);
      } catch (RuntimeException e) {
        answer.fail(e);
      }
    });
    return answer.future();
  }
}
