package vn.hoinghi.orchestrator.notifications;

import java.time.Instant;

/** How one attempt at a delivery ended. */
public sealed interface DeliveryOutcome {
    record Sent() implements DeliveryOutcome {
    }

    /** A transient failure (server busy, connection lost): try again at {@code at}. */
    record RetryAt(Instant at, String reason) implements DeliveryOutcome {
    }

    /** A permanent failure (bad address, mailbox refused): recorded, never retried on its own. */
    record Failed(String reason) implements DeliveryOutcome {
    }

    /** Nothing to send any more (a reminder of a meeting cancelled or moved since). */
    record Skipped(String reason) implements DeliveryOutcome {
    }
}
