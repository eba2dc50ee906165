package io.arbiter.audit;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;

/** H2's form of the MySQL/MariaDB triggers of migration V75: any UPDATE or DELETE of an audit entry is refused. */
public class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_event is append-only: entries are never " + (newRow == null ? "deleted" : "changed"), "45000");
    }
}
