package vn.hoinghi.collector.rtcstats;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The optional shared ingest token. A browser cannot set headers on a WebSocket and the client appends
 * {@code /<meetingFqn>?statsSessionId=…} to the configured endpoint, so the token travels in the path
 * ({@code rtcstatsEndpoint: wss://host/t/<token>}) or, for other clients, as {@code ?token=}.
 */
public final class IngestToken {

  private final byte[] expected;

  public IngestToken(String token) {
    this.expected = token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  public boolean required() {
    return expected != null;
  }

  public boolean accepts(String path, String queryToken) {
    if (expected == null) {
      return true;
    }
    String presented = queryToken;
    if (presented == null && path != null && path.startsWith("/t/")) {
      int end = path.indexOf('/', 3);
      presented = end < 0 ? path.substring(3) : path.substring(3, end);
    }
    return presented != null
        && MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8));
  }
}
