package vn.hoinghi.orchestrator.support;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import vn.hoinghi.orchestrator.access.AppUser;
import vn.hoinghi.orchestrator.access.Caller;
import vn.hoinghi.orchestrator.access.PasswordHasher;
import vn.hoinghi.orchestrator.access.Roles;
import vn.hoinghi.orchestrator.access.UserStore;
import vn.hoinghi.orchestrator.demo.DemoMinistry;
import vn.hoinghi.orchestrator.sites.ImportReport;
import vn.hoinghi.orchestrator.sites.SiteCsv;
import vn.hoinghi.orchestrator.sites.SiteImporter;

import java.nio.charset.StandardCharsets;

/** Test data through the application's own paths: the demo Ministry via the CSV import, one user per role. */
@Singleton
public class Fixtures {
    public static final String PASSWORD = "correct horse battery staple";
    private final SiteImporter importer;
    private final UserStore users;
    private final PasswordHasher hasher;

    public Fixtures(SiteImporter importer, UserStore users, PasswordHasher hasher) {
        this.importer = importer;
        this.users = users;
        this.hasher = hasher;
    }

    public static byte[] demoCsv() {
        return SiteCsv.write(DemoMinistry.sites()).getBytes(StandardCharsets.UTF_8);
    }

    /** The demo directory plus users admin, thuky, vanhanh, quansat and stp-hni (unit operator of STP-HNI). */
    @Transactional
    public ImportReport ministryWithUsers() {
        ImportReport report = importer.importFile(Caller.SYSTEM, SiteImporter.Format.CSV, demoCsv(), false);
        String hash = hasher.hash(PASSWORD);
        users.insertIfAbsent(new AppUser("admin", "Admin", hash, Roles.ADMIN, null, true));
        users.insertIfAbsent(new AppUser("thuky", "Thư ký", hash, Roles.SECRETARIAT, null, true));
        users.insertIfAbsent(new AppUser("vanhanh", "Vận hành", hash, Roles.OPERATOR, null, true));
        users.insertIfAbsent(new AppUser("quansat", "Quan sát", hash, Roles.OBSERVER, null, true));
        users.insertIfAbsent(new AppUser("stp-hni", "STP Hà Nội", hash, Roles.UNIT_OPERATOR, "STP-HNI", true));
        return report;
    }
}
