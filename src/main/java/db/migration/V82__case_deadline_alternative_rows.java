package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the alternatives text CaseService wrote before V81 — "YYYY-MM-DD (reading)" parts joined by "; " — into
 * case_deadline_alternative rows once, then drops the column. A part that does not have that form is kept whole as
 * the reading, without a date, never dropped.
 */
public class V82__case_deadline_alternative_rows extends BaseJavaMigration {

    private static final Pattern PART = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}) \\((.*)\\)", Pattern.DOTALL);

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT id, alternatives FROM case_deadline WHERE alternatives IS NOT NULL AND alternatives <> '' ORDER BY id");
             PreparedStatement ins = c.prepareStatement("INSERT INTO case_deadline_alternative (case_deadline_id, ordinal, due_date, "
                     + "reading) VALUES (?,?,?,?)")) {
            while (rs.next()) {
                int ordinal = 0;
                for (String part : rs.getString(2).split("; (?=\\d{4}-\\d{2}-\\d{2} \\()")) {
                    Matcher m = PART.matcher(part.trim());
                    ins.setLong(1, rs.getLong(1));
                    ins.setInt(2, ordinal++);
                    if (m.matches()) {
                        ins.setDate(3, Date.valueOf(LocalDate.parse(m.group(1))));
                        ins.setString(4, m.group(2));
                    } else {
                        ins.setNull(3, Types.DATE);
                        ins.setString(4, part.trim());
                    }
                    ins.addBatch();
                }
            }
            ins.executeBatch();
        }
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE case_deadline DROP COLUMN alternatives");
        }
    }
}
