package vn.hoinghi.orchestrator.sites;

import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.MEETING;
import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.MEETING_INVITE;
import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.ROOM_HOLD;
import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.ROOM_SYSTEM;
import static vn.hoinghi.orchestrator.platform.db.jooq.Tables.SITE;

@Singleton
public class SiteStore {
    private final DSLContext db;
    private final Clock clock;

    public SiteStore(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Optional<Site> find(String code) {
        return fetchSites(SITE.CODE.eq(code)).stream().findFirst();
    }

    public List<Site> findAll(Collection<String> codes) {
        return fetchSites(SITE.CODE.in(codes));
    }

    /** Every site, ordered by code so that exports are stable and diffable. */
    public List<Site> all() {
        return fetchSites(DSL.noCondition());
    }

    public Page<SiteSummary> search(SiteQuery q) {
        Condition where = DSL.noCondition();
        if (q.text() != null) {
            for (String word : SearchKey.of(q.text()).split(" ")) {
                if (!word.isEmpty()) {
                    where = where.and(SITE.SEARCH_TEXT.contains(word));
                }
            }
        }
        if (q.region() != null) {
            where = where.and(SITE.REGION.eq(q.region().name()));
        }
        if (q.kind() != null) {
            where = where.and(SITE.KIND.eq(q.kind().name()));
        }
        if (q.parentCode() != null) {
            where = where.and(SITE.PARENT_CODE.eq(q.parentCode()));
        }
        long total = db.fetchCount(SITE, where);
        List<SiteSummary> items = db.select(SITE.CODE, SITE.NAME_VI, SITE.KIND, SITE.REGION, SITE.PARENT_CODE,
                        roomCount())
                .from(SITE)
                .where(where)
                .orderBy(SITE.CODE)
                .limit(q.size())
                .offset((long) q.page() * q.size())
                .fetch(SiteStore::toSummary);
        return new Page<>(items, q.page(), q.size(), total);
    }

    /** All of {@code root}'s subtree (root included), or the whole directory when root is null. */
    public List<SiteSummary> subtree(String root) {
        if (root == null) {
            return db.select(SITE.CODE, SITE.NAME_VI, SITE.KIND, SITE.REGION, SITE.PARENT_CODE, roomCount())
                    .from(SITE).orderBy(SITE.CODE).fetch(SiteStore::toSummary);
        }
        var tree = DSL.name("tree");
        var code = DSL.field(DSL.name("tree", "code"), SITE.CODE.getDataType());
        var cte = tree.fields("code").as(
                select(SITE.CODE).from(SITE).where(SITE.CODE.eq(root))
                        .unionAll(select(SITE.CODE).from(SITE)
                                .join(DSL.table(tree)).on(SITE.PARENT_CODE.eq(code))));
        return db.withRecursive(cte)
                .select(SITE.CODE, SITE.NAME_VI, SITE.KIND, SITE.REGION, SITE.PARENT_CODE, roomCount())
                .from(SITE)
                .where(SITE.CODE.in(select(code).from(DSL.table(tree))))
                .orderBy(SITE.CODE)
                .fetch(SiteStore::toSummary);
    }

    /** Every site matching all the given criteria (null or empty means "any"): for invitation rules. */
    public List<Site> matching(Region region, Collection<SiteKind> kinds, String subtreeRoot) {
        Condition where = DSL.noCondition();
        if (region != null) {
            where = where.and(SITE.REGION.eq(region.name()));
        }
        if (kinds != null && !kinds.isEmpty()) {
            where = where.and(SITE.KIND.in(kinds.stream().filter(k -> k != null).map(Enum::name).toList()));
        }
        if (subtreeRoot != null) {
            where = where.and(SITE.CODE.in(subtree(subtreeRoot).stream().map(SiteSummary::code).toList()));
        }
        return fetchSites(where);
    }

    /** Is {@code code} the same as {@code root} or below it? (A unit operator's reach.) */
    public boolean isWithin(String root, String code) {
        String at = code;
        Map<String, String> parents = parentLinks();
        for (int hops = 0; at != null && hops <= parents.size(); hops++) {
            if (at.equalsIgnoreCase(root)) {
                return true;
            }
            at = parents.get(at.toUpperCase(Locale.ROOT));
        }
        return false;
    }

    public DirectoryRules.Snapshot snapshot() {
        Map<String, String> owners = new HashMap<>();
        db.select(ROOM_SYSTEM.ADDRESS, ROOM_SYSTEM.SITE_CODE).from(ROOM_SYSTEM).where(ROOM_SYSTEM.RETIRED_AT.isNull())
                .forEach(r -> owners.put(r.value1().toLowerCase(Locale.ROOT), DirectoryRules.key(r.value2())));
        return new DirectoryRules.Snapshot(parentLinks(), owners);
    }

    private Map<String, String> parentLinks() {
        Map<String, String> parents = new HashMap<>();
        db.select(SITE.CODE, SITE.PARENT_CODE).from(SITE).forEach(r -> parents.put(DirectoryRules.key(r.value1()),
                r.value2() == null ? null : DirectoryRules.key(r.value2())));
        return parents;
    }

    /**
     * Writes each site as given: inserts new codes at version 1, bumps the version of existing ones. Room systems
     * are matched by address and updated in place (invitations point at their ids); one no longer listed is
     * retired, and deleted only if no meeting ever named it. One JDBC batch plus one insert, so a whole-directory
     * import is a handful of round trips. A refusal by the database becomes {@link WriteRefused}.
     */
    public void upsert(List<Site> sites) {
        if (sites.isEmpty()) {
            return;
        }
        try {
            write(sites);
        } catch (DataAccessException e) {
            throw new WriteRefused(e.sqlState(), e.getMessage(), e);
        }
    }

    private void write(List<Site> sites) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Query> queries = new ArrayList<>();
        for (Site s : sites) {
            queries.add(db.insertInto(SITE)
                    .set(SITE.CODE, s.code())
                    .set(SITE.VERSION, 1)
                    .set(SITE.CREATED_AT, now)
                    .set(columns(s, now))
                    .onConflict(SITE.CODE).doUpdate()
                    .set(columns(s, now))
                    .set(SITE.VERSION, SITE.VERSION.plus(1)));
        }
        List<String> codes = sites.stream().map(s -> DirectoryRules.key(s.code())).toList();
        Set<String> listed = new HashSet<>();
        sites.forEach(s -> s.roomSystems().forEach(r -> listed.add(r.address().toLowerCase(Locale.ROOT))));
        Map<String, Long> idOf = new HashMap<>();
        List<Long> unlisted = new ArrayList<>();
        db.select(ROOM_SYSTEM.ID, ROOM_SYSTEM.ADDRESS, ROOM_SYSTEM.SITE_CODE, ROOM_SYSTEM.RETIRED_AT)
                .from(ROOM_SYSTEM)
                .where(DSL.lower(ROOM_SYSTEM.ADDRESS).in(listed).or(DSL.upper(ROOM_SYSTEM.SITE_CODE).in(codes)))
                .forEach(r -> {
                    String address = r.value2().toLowerCase(Locale.ROOT);
                    idOf.put(address, r.value1());
                    if (!listed.contains(address) && r.value4() == null) {
                        unlisted.add(r.value1());
                    }
                });
        var inserts = db.insertInto(ROOM_SYSTEM, ROOM_SYSTEM.SITE_CODE, ROOM_SYSTEM.NAME, ROOM_SYSTEM.PROTOCOL,
                ROOM_SYSTEM.ADDRESS, ROOM_SYSTEM.MAX_RESOLUTION, ROOM_SYSTEM.POSITION);
        boolean anyInsert = false;
        for (Site s : sites) {
            for (int i = 0; i < s.roomSystems().size(); i++) {
                Site.RoomSystem r = s.roomSystems().get(i);
                Long id = idOf.get(r.address().toLowerCase(Locale.ROOT));
                if (id == null) {
                    inserts = inserts.values(s.code(), r.name(), r.protocol().name(), r.address(), r.maxResolution(), i);
                    anyInsert = true;
                } else {
                    queries.add(db.update(ROOM_SYSTEM).set(ROOM_SYSTEM.SITE_CODE, s.code())
                            .set(ROOM_SYSTEM.NAME, r.name()).set(ROOM_SYSTEM.PROTOCOL, r.protocol().name())
                            .set(ROOM_SYSTEM.ADDRESS, r.address()).set(ROOM_SYSTEM.MAX_RESOLUTION, r.maxResolution())
                            .set(ROOM_SYSTEM.POSITION, i).setNull(ROOM_SYSTEM.RETIRED_AT)
                            .where(ROOM_SYSTEM.ID.eq(id)));
                }
            }
        }
        if (!unlisted.isEmpty()) {
            queries.add(db.update(ROOM_SYSTEM).set(ROOM_SYSTEM.RETIRED_AT, now).where(ROOM_SYSTEM.ID.in(unlisted)));
            // Past meetings keep naming a retired room system; one nobody named can go.
            queries.add(db.deleteFrom(ROOM_SYSTEM).where(ROOM_SYSTEM.ID.in(unlisted))
                    .andNotExists(selectOne().from(MEETING_INVITE).where(MEETING_INVITE.ROOM_SYSTEM_ID.eq(ROOM_SYSTEM.ID)))
                    .andNotExists(selectOne().from(ROOM_HOLD).where(ROOM_HOLD.ROOM_SYSTEM_ID.eq(ROOM_SYSTEM.ID))));
        }
        db.batch(queries).execute();
        if (anyInsert) {
            inserts.execute();
        }
    }

    /**
     * For each given address (lower-cased), the meetings still to come or under way (not ENDED or CANCELLED,
     * ending after now) that invite its room system. The room systems are locked first, so a booking that is
     * inviting one right now either finishes first and is seen here, or waits for this transaction.
     */
    public Map<String, List<MeetingUse>> futureMeetingsUsing(Collection<String> addresses) {
        if (addresses.isEmpty()) {
            return Map.of();
        }
        db.select(ROOM_SYSTEM.ID).from(ROOM_SYSTEM).where(DSL.lower(ROOM_SYSTEM.ADDRESS).in(addresses)).forUpdate().fetch();
        Map<String, List<MeetingUse>> out = new HashMap<>();
        db.select(ROOM_SYSTEM.ADDRESS, MEETING.ID, MEETING.TITLE, MEETING.STARTS_AT)
                .from(MEETING_INVITE)
                .join(ROOM_SYSTEM).on(ROOM_SYSTEM.ID.eq(MEETING_INVITE.ROOM_SYSTEM_ID))
                .join(MEETING).on(MEETING.ID.eq(MEETING_INVITE.MEETING_ID))
                .where(DSL.lower(ROOM_SYSTEM.ADDRESS).in(addresses))
                .and(MEETING.STATUS.notIn("ENDED", "CANCELLED"))
                .and(MEETING.ENDS_AT.gt(OffsetDateTime.now(clock)))
                .orderBy(MEETING.STARTS_AT, MEETING.ID)
                .forEach(r -> out.computeIfAbsent(r.value1().toLowerCase(Locale.ROOT), a -> new ArrayList<>())
                        .add(new MeetingUse(r.value2(), r.value3(), r.value4().toInstant())));
        return out;
    }

    /**
     * Serialises directory writers for the rest of the transaction: the parent/cycle/address checks read the whole
     * directory, and two concurrent writers must not both pass them against the same old state.
     */
    public void lockDirectory() {
        db.execute("SELECT pg_advisory_xact_lock(hashtext('hoinghi.site'))");
    }

    public boolean hasChildren(String code) {
        return db.fetchExists(SITE, SITE.PARENT_CODE.eq(code));
    }

    public boolean delete(String code) {
        return db.deleteFrom(SITE).where(SITE.CODE.eq(code)).execute() == 1;
    }

    private static Map<Field<?>, Object> columns(Site s, OffsetDateTime now) {
        Map<Field<?>, Object> m = new HashMap<>();
        m.put(SITE.NAME_VI, s.nameVi());
        m.put(SITE.KIND, s.kind().name());
        m.put(SITE.REGION, s.region().name());
        m.put(SITE.PARENT_CODE, s.parentCode());
        m.put(SITE.DOWNLINK_KBPS, s.network().downlinkKbps());
        m.put(SITE.UPLINK_KBPS, s.network().uplinkKbps());
        m.put(SITE.NETWORK, s.network().kind().name());
        m.put(SITE.CONTACT_NAME, s.contact().name());
        m.put(SITE.CONTACT_PHONE, s.contact().phone());
        m.put(SITE.CONTACT_EMAIL, s.contact().email());
        m.put(SITE.SEARCH_TEXT, SearchKey.of(s.code() + " " + s.nameVi()));
        m.put(SITE.UPDATED_AT, now);
        return m;
    }

    private List<Site> fetchSites(Condition where) {
        var rooms = multiset(select(ROOM_SYSTEM.NAME, ROOM_SYSTEM.PROTOCOL, ROOM_SYSTEM.ADDRESS,
                ROOM_SYSTEM.MAX_RESOLUTION).from(ROOM_SYSTEM).where(ROOM_SYSTEM.SITE_CODE.eq(SITE.CODE))
                .and(ROOM_SYSTEM.RETIRED_AT.isNull()).orderBy(ROOM_SYSTEM.POSITION, ROOM_SYSTEM.ID))
                .convertFrom(r -> r.map(x -> new Site.RoomSystem(x.value1(), RoomProtocol.valueOf(x.value2()),
                        x.value3(), x.value4())));
        return db.select(SITE.asterisk(), rooms)
                .from(SITE)
                .where(where)
                .orderBy(SITE.CODE)
                .fetch(r -> new Site(r.get(SITE.CODE), r.get(SITE.NAME_VI), SiteKind.valueOf(r.get(SITE.KIND)),
                        Region.valueOf(r.get(SITE.REGION)), r.get(SITE.PARENT_CODE),
                        new Site.NetworkProfile(r.get(SITE.DOWNLINK_KBPS), r.get(SITE.UPLINK_KBPS),
                                NetworkKind.valueOf(r.get(SITE.NETWORK))),
                        new Site.Contact(r.get(SITE.CONTACT_NAME), r.get(SITE.CONTACT_PHONE),
                                r.get(SITE.CONTACT_EMAIL)),
                        List.copyOf(r.get(rooms)), r.get(SITE.VERSION)));
    }

    private static Field<Integer> roomCount() {
        return DSL.field(select(DSL.count()).from(ROOM_SYSTEM).where(ROOM_SYSTEM.SITE_CODE.eq(SITE.CODE))
                .and(ROOM_SYSTEM.RETIRED_AT.isNull()));
    }

    private static SiteSummary toSummary(Record r) {
        return new SiteSummary(r.get(SITE.CODE), r.get(SITE.NAME_VI), SiteKind.valueOf(r.get(SITE.KIND)),
                Region.valueOf(r.get(SITE.REGION)), r.get(SITE.PARENT_CODE), r.get(5, Integer.class));
    }
}
