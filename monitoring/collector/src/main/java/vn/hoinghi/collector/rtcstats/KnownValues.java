package vn.hoinghi.collector.rtcstats;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The strings WebRTC stats repeat in every report (types, kinds, states), mapped to one shared instance each: the
 * quality layer compares them per report per frame, and a shared constant is in the CPU's cache where thousands
 * of copies are not. Unknown values are kept as they came (nothing here grows with input).
 */
final class KnownValues {

  private static final Map<String, String> CANONICAL = Stream.of("codec", "inbound-rtp", "outbound-rtp",
          "remote-inbound-rtp", "remote-outbound-rtp", "media-source", "media-playout", "peer-connection",
          "data-channel", "transport", "candidate-pair", "local-candidate", "remote-candidate", "certificate",
          "track", "stream", "sender", "receiver", "csrc", "ice-server", "audio", "video", "succeeded",
          "in-progress", "waiting", "failed", "frozen")
      .collect(Collectors.toUnmodifiableMap(Function.identity(), Function.identity()));

  private KnownValues() {}

  static String canonical(String value) {
    return CANONICAL.getOrDefault(value, value);
  }
}
