package vn.hoinghi.orchestrator.provisioning;

import java.time.Instant;

/** What a handler decided: done, try again at a time, or give up for good. */
public sealed interface JobOutcome {
    record Done() implements JobOutcome {
    }

    record RetryAt(Instant at, String reason) implements JobOutcome {
    }

    record Failed(String reason) implements JobOutcome {
    }

    static JobOutcome done() {
        return new Done();
    }
}
