package vn.hoinghi.orchestrator.notifications;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;

/** Claims and outcomes of deliveries, each its own short transaction: a claim commits before anything is sent. */
@Singleton
public class DeliveryQueue {
    private final NotificationStore store;

    public DeliveryQueue(NotificationStore store) {
        this.store = store;
    }

    @Transactional
    public List<Delivery> claim(String sender, int max, Duration lease) {
        return store.claim(sender, max, lease);
    }

    @Transactional
    public boolean complete(long id, String sender, DeliveryOutcome outcome) {
        return store.complete(id, sender, outcome);
    }

    @Transactional(readOnly = true)
    public List<NotificationController.DeliveryView> forMeeting(long meetingId) {
        return store.forMeeting(meetingId);
    }
}
