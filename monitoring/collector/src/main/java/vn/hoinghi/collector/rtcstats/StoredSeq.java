package vn.hoinghi.collector.rtcstats;

import io.vertx.core.Future;

/**
 * The highest sequence number of a session whose window is stored: where a reconnect resumes when this process has
 * no memory of the session (it was restarted, or the client came through another collector). 0 when none.
 */
public interface StoredSeq {

  StoredSeq NONE = sessionId -> Future.succeededFuture(0L);

  Future<Long> lastStored(String sessionId);
}
