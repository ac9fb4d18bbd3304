package vn.hoinghi.orchestrator.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.orchestrator.access.AppUser;
import vn.hoinghi.orchestrator.access.Caller;
import vn.hoinghi.orchestrator.access.PasswordHasher;
import vn.hoinghi.orchestrator.access.Roles;
import vn.hoinghi.orchestrator.access.UserStore;
import vn.hoinghi.orchestrator.sites.ImportReport;
import vn.hoinghi.orchestrator.sites.SiteCsv;
import vn.hoinghi.orchestrator.sites.SiteImporter;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;

/**
 * Loads the demo Ministry through the same CSV import users run (so the demo also exercises validation) and
 * creates one user per role. Idempotent: a second start changes nothing.
 */
@Singleton
@Requires(property = "hoinghi.demo.enabled", value = "true")
public class DemoDataLoader {
    /** Shown on the console at start; the demo database lives only as long as the process. */
    public static final String DEMO_PASSWORD = "hoinghi-demo";
    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final List<AppUser> USERS = List.of(
            new AppUser("admin", "Quản trị hệ thống", null, Roles.ADMIN, null, true),
            new AppUser("thuky", "Văn phòng Bộ - Thư ký hội nghị", null, Roles.SECRETARIAT, null, true),
            new AppUser("vanhanh", "Cục CNTT - Vận hành", null, Roles.OPERATOR, null, true),
            new AppUser("quansat", "Thanh tra Bộ - Quan sát", null, Roles.OBSERVER, null, true),
            new AppUser("stp-hni", "Sở Tư pháp Hà Nội", null, Roles.UNIT_OPERATOR, "STP-HNI", true),
            new AppUser("thads-dng", "THADS Đà Nẵng", null, Roles.UNIT_OPERATOR, "THADS-DNG", true));

    private final boolean communes;
    private final SiteImporter importer;
    private final UserStore users;
    private final PasswordHasher hasher;
    private final DemoMeetings meetings;
    private final TransactionOperations<Connection> tx;
    private final DemoWalk walk;

    public DemoDataLoader(@Value("${hoinghi.demo.communes:false}") boolean communes, SiteImporter importer,
                          UserStore users, PasswordHasher hasher, DemoMeetings meetings,
                          TransactionOperations<Connection> tx, @Nullable DemoWalk walk) {
        this.walk = walk;
        this.meetings = meetings;
        this.tx = tx;
        this.communes = communes;
        this.importer = importer;
        this.users = users;
        this.hasher = hasher;
    }

    /**
     * The directory and users in one transaction; the sample bookings after it, each in its own (BookingService's).
     * They used to share this one: a booking refused (a JVB seen in its brewery before the bookings are written
     * shrinks the offered capacity to that one bridge) marked it rollback-only, and although the refusal is caught
     * and logged, the commit then threw UnexpectedRollbackException and the demo did not start.
     */
    @EventListener
    public void onStartup(StartupEvent event) {
        long start = System.nanoTime();
        byte[] csv = SiteCsv.write(DemoMinistry.sites(communes)).getBytes(StandardCharsets.UTF_8);
        ImportReport report = tx.executeWrite(status -> {
            ImportReport r = importer.importFile(Caller.SYSTEM, SiteImporter.Format.CSV, csv, false);
            String hash = hasher.hash(DEMO_PASSWORD);
            for (AppUser u : USERS) {
                users.insertIfAbsent(new AppUser(u.username(), u.displayName(), hash, u.role(), u.siteCode(), true));
            }
            return r;
        });
        LOG.info("demo Ministry loaded: {} sites created, {} unchanged, in {} ms", report.created(),
                report.unchanged(), (System.nanoTime() - start) / 1_000_000);
        meetings.bookSamples();
        if (walk != null) {
            try {
                walk.book();
            } catch (RuntimeException e) {
                LOG.warn("demo walk not booked; the rest of the demo goes on", e);
            }
        }
    }

    public static List<AppUser> users() {
        return USERS;
    }
}
