package vn.hoinghi.orchestrator.provisioning;

import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.FLEET_NODE_STATE;

/** The operator states of media nodes ({@code fleet_node_state}); a node without a row is ENABLED. */
@Singleton
public class FleetStateStore {
    private final DSLContext db;
    private final Clock clock;

    public FleetStateStore(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Map<String, MediaNode.Status> all() {
        return db.select(FLEET_NODE_STATE.NODE_ID, FLEET_NODE_STATE.STATUS).from(FLEET_NODE_STATE)
                .fetchMap(r -> r.value1(), r -> MediaNode.Status.valueOf(r.value2()));
    }

    /** The state before the change (locked for the rest of the transaction), or empty when the node has no row. */
    public Optional<MediaNode.Status> lock(String nodeId) {
        return db.select(FLEET_NODE_STATE.STATUS).from(FLEET_NODE_STATE).where(FLEET_NODE_STATE.NODE_ID.eq(nodeId))
                .forUpdate().fetchOptional(r -> MediaNode.Status.valueOf(r.value1()));
    }

    public void put(String nodeId, MediaNode.Status status, String by) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.insertInto(FLEET_NODE_STATE)
                .set(FLEET_NODE_STATE.NODE_ID, nodeId)
                .set(FLEET_NODE_STATE.STATUS, status.name())
                .set(FLEET_NODE_STATE.CHANGED_BY, by)
                .set(FLEET_NODE_STATE.CHANGED_AT, now)
                .onConflict(FLEET_NODE_STATE.NODE_ID).doUpdate()
                .set(FLEET_NODE_STATE.STATUS, status.name())
                .set(FLEET_NODE_STATE.CHANGED_BY, by)
                .set(FLEET_NODE_STATE.CHANGED_AT, now)
                .execute();
    }

    /** Moves a node from {@code from} to {@code to} only if it is still in {@code from}; whether it moved. */
    public boolean move(String nodeId, MediaNode.Status from, MediaNode.Status to, String by) {
        return db.update(FLEET_NODE_STATE)
                .set(FLEET_NODE_STATE.STATUS, to.name())
                .set(FLEET_NODE_STATE.CHANGED_BY, by)
                .set(FLEET_NODE_STATE.CHANGED_AT, OffsetDateTime.now(clock))
                .where(FLEET_NODE_STATE.NODE_ID.eq(nodeId)).and(FLEET_NODE_STATE.STATUS.eq(from.name()))
                .execute() == 1;
    }
}
