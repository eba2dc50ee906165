package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.Statement;

/**
 * Makes the audit log append-only in the database itself, so not even a bug or a hand-run statement through the
 * application's account can change or remove an entry (HIPAA 45 CFR 164.312(b); issue 23 item 5). MySQL/MariaDB get
 * triggers that raise SQLSTATE 45000; H2 (the embedded demo database) a Java trigger doing the same.
 * In Java because the two dialects have no common trigger syntax.
 */
public class V75__audit_event_append_only extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean h2 = c.getMetaData().getDatabaseProductName().toLowerCase().contains("h2");
        try (Statement st = c.createStatement()) {
            for (String event : new String[] {"UPDATE", "DELETE"}) {
                String name = "audit_event_no_" + event.toLowerCase();
                if (h2) {
                    st.execute("CREATE TRIGGER " + name + " BEFORE " + event + " ON audit_event FOR EACH ROW CALL '"
                            + "io.arbiter.audit.AppendOnlyTrigger'");
                } else {
                    st.execute("CREATE TRIGGER " + name + " BEFORE " + event + " ON audit_event FOR EACH ROW "
                            + "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only: entries are never "
                            + (event.equals("UPDATE") ? "changed" : "deleted") + "'");
                }
            }
        }
    }
}
