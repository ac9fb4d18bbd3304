package vn.hoinghi.orchestrator.sites;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import vn.hoinghi.orchestrator.support.TestPostgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** V14_1 on a database that already holds sites: every single contact moves into the list unchanged. */
class ContactMigrationTest {

    private static Flyway flyway(String url, String target) {
        return Flyway.configure().dataSource(url, "postgres", "postgres").schemas("hoinghi").defaultSchema("hoinghi")
                .locations("classpath:db/migration").target(target).load();
    }

    @Test
    void existingContactsBecomeTheFirstEntryOfEachListWithoutLoss() throws Exception {
        String url = TestPostgres.freshDatabase(ContactMigrationTest.class);
        flyway(url, "6").migrate();
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement()) {
            s.execute("SET search_path = hoinghi");
            s.execute("INSERT INTO site (code, name_vi, kind, region, downlink_kbps, uplink_kbps, network, contact_name,"
                    + " contact_phone, contact_email, search_text, created_at, updated_at) VALUES"
                    + " ('STP-GLI', 'Sở Tư pháp Gia Lai', 'PROVINCE_JUSTICE', 'CENTRAL', 20000, 20000, 'GOV_WAN',"
                    + "  'Văn phòng Sở', '0269 3824 000', 'vanphong@stp-gli.gov.vn', 'stp-gli', now(), now()),"
                    + " ('THADS-GLI-KV03', 'THADS khu vực 3 Gia Lai', 'REGIONAL_THADS', 'CENTRAL', 4000, 2000,"
                    + "  'INTERNET', NULL, '0269 3000 003', NULL, 'thads', now(), now()),"
                    + " ('TC-LDH', 'Tạp chí', 'DEPARTMENT', 'NORTH', 4000, 2000, 'INTERNET', NULL, NULL, NULL, 'tc',"
                    + "  now(), now())");
        }
        flyway(url, "latest").migrate();
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement()) {
            s.execute("SET search_path = hoinghi");
            assertThat(rows(s, "SELECT site_code, position, name, role, phone, email FROM site_contact ORDER BY 1"))
                    .containsExactly(
                            "STP-GLI|0|Văn phòng Sở|Đầu mối liên hệ|0269 3824 000|vanphong@stp-gli.gov.vn",
                            "THADS-GLI-KV03|0|null|Đầu mối liên hệ|0269 3000 003|null");
            // The legacy columns stay authoritative for the first entry: an old-style edit reaches the list.
            s.execute("UPDATE site SET contact_email = 'thads-kv3@gialai.gov.vn' WHERE code = 'THADS-GLI-KV03'");
            s.execute("UPDATE site SET contact_name = NULL, contact_phone = NULL, contact_email = NULL"
                    + " WHERE code = 'STP-GLI'");
            assertThat(rows(s, "SELECT site_code, position, name, role, phone, email FROM site_contact ORDER BY 1"))
                    .containsExactly("THADS-GLI-KV03|0|null|Đầu mối liên hệ|0269 3000 003|thads-kv3@gialai.gov.vn");
        }
    }

    private static List<String> rows(Statement s, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    b.append(i > 1 ? "|" : "").append(r.getString(i));
                }
                out.add(b.toString());
            }
        }
        return out;
    }
}
