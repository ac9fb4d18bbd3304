package vn.hoinghi.orchestrator.readiness;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A unit's last browser readiness check, as its page measured it and the orchestrator stored it. */
@Serdeable
public record BrowserReadiness(String site, Instant checkedAt, String checkedBy, boolean camera, boolean microphone,
                               @Nullable Integer downloadKbps, @Nullable Boolean meetReachable, String verdict,
                               @Nullable String userAgent) {

    /** What the page sends. */
    @Serdeable
    public record Report(boolean camera, boolean microphone, @Nullable Integer downloadKbps,
                         @Nullable Boolean meetReachable, @Nullable String verdict, @Nullable String userAgent) {
    }
}
