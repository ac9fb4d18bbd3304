package vn.hoinghi.orchestrator.provisioning.xmpp;

import vn.hoinghi.orchestrator.provisioning.RoomEvents;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what the XMPP side reports, as "joined room nick site", "left room nick", "sip room address state". */
final class RecordingRoomEvents implements RoomEvents {
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void joined(String room, String node, String endpointId, String siteCode, String displayName,
                       Instant at) {
        events.add("joined " + room + " " + endpointId + " " + siteCode);
    }

    @Override
    public void left(String room, String endpointId, Instant at) {
        events.add("left " + room + " " + endpointId);
    }

    @Override
    public void sipCallState(String room, String sipAddress, String sessionId, String state, String failureReason,
                             Instant at) {
        events.add("sip " + room + " " + sipAddress + " " + state);
    }
}
