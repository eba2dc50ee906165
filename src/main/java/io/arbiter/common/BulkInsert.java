package io.arbiter.common;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.conf.RuntimeProperty;
import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.jdbc.JdbcStatement;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Many rows into one table, in the caller's transaction: {@code LOAD DATA LOCAL INFILE} fed from memory on
 * MySQL/MariaDB (about three times the rate of multi-row INSERTs there), multi-row INSERTs elsewhere (H2) or
 * when the connection was not opened with the local-infile capability.
 *
 * <p>{@code LOAD DATA LOCAL} turns bad values and duplicate keys into warnings (the server cannot stop a
 * client's stream); {@link #execute()} therefore fails on any warning and on any row the server did not
 * take, so a bulk insert is exactly as strict as an INSERT.
 *
 * <p>Safety: the JDBC URL enables the capability with {@code allowLoadLocalInfileInPath} pointing at a
 * directory that does not exist, so the server can never read a client file; only while this class sends
 * its own in-memory rows is {@code allowLoadLocalInfile} switched on for that one statement.
 */
public final class BulkInsert {

    /** Rows per multi-row INSERT on the fallback path. */
    static final int ROWS_PER_INSERT = 500;
    /**
     * Rows are sent once this many bytes are pending, and the driver's file buffer is held to twice that:
     * both then stay below half a G1 region (512 KB with 1 MB regions), so no load allocates a "humongous"
     * array — every such allocation starts a young collection, which at one load per chunk cost a million-line
     * scan about 6 % of its time in pauses.
     */
    static final int SEND_AT_BYTES = 192 * 1024;
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Connection connection;
    private final String table;
    private final String[] columns;
    private final JdbcConnection mysql;
    private final Bytes tsv;
    private final List<Object> values;
    private int column;
    private LocalDateTime lastDateTime;
    private String lastDateTimeText;
    private int rows;
    private int sentSinceExecute;
    private final boolean keys;
    private long[] ids = new long[0];
    private int idCount;
    private final List<String> constantColumns = new ArrayList<>();
    private final List<Object> constantValues = new ArrayList<>();
    private String constantsSql = "";
    private boolean started;

    public BulkInsert(Connection connection, String table, String... columns) throws SQLException {
        this(connection, false, table, columns);
    }

    /**
     * A bulk insert that also returns the AUTO_INCREMENT id of every row ({@link #ids()}). LOAD DATA is used only
     * where a LOAD gets consecutive ids (innodb_autoinc_lock_mode 0 or 1: the statement holds the table's
     * auto-increment lock); under mode 2 (MySQL 8's default) rows go through multi-row INSERTs, whose ids the
     * driver reports.
     */
    public static BulkInsert withGeneratedIds(Connection connection, String table, String... columns) throws SQLException {
        return new BulkInsert(connection, true, table, columns);
    }

    private BulkInsert(Connection connection, boolean keys, String table, String... columns) throws SQLException {
        this.connection = connection;
        this.table = table;
        this.columns = columns.clone();
        this.keys = keys;
        JdbcConnection capable = loadDataCapable(connection);
        this.mysql = capable != null && (!keys || consecutiveLoadIds(capable)) ? capable : null;
        this.tsv = mysql != null ? new Bytes() : null;
        this.values = mysql != null ? null : new ArrayList<>();
    }

    /**
     * A column that has the same value in every row (creation time, version 0, the import's id): sent once in the
     * statement ({@code LOAD DATA ... SET column = value}) instead of in every row, which spares the server parsing it
     * per row. Numbers, booleans, dates and date-times only (rendered as SQL literals, so no text can be injected).
     * Must be called before the first row.
     */
    public BulkInsert constant(String column, Object value) {
        if (started) {
            throw new IllegalStateException(table + ": constants must be declared before the first row");
        }
        String literal;
        if (value instanceof Long || value instanceof Integer) {
            literal = value.toString();
        } else if (value instanceof Boolean b) {
            literal = b ? "1" : "0";
        } else if (value instanceof BigDecimal d) {
            literal = d.toPlainString();
        } else if (value instanceof LocalDate d) {
            literal = "'" + d + "'";
        } else if (value instanceof LocalDateTime t) {
            value = t.withNano(0);
            literal = "'" + DATETIME.format((LocalDateTime) value) + "'";
        } else {
            throw new IllegalArgumentException(table + "." + column + ": a constant must be a number, boolean, date or date-time, not "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        constantColumns.add(column);
        constantValues.add(value);
        constantsSql += (constantsSql.isEmpty() ? " SET " : ", ") + column + " = " + literal;
        return this;
    }

    /** True when rows go through LOAD DATA LOCAL (reported by benchmarks). */
    public boolean loadData() {
        return mysql != null;
    }

    /** Rows added and not yet sent. */
    public int rows() {
        return rows;
    }

    /** The ids of every row this bulk insert has written, in the order the rows were added (see {@link #withGeneratedIds}). */
    public long[] ids() {
        if (!keys) {
            throw new IllegalStateException(table + ": ids were not requested");
        }
        return Arrays.copyOf(ids, idCount);
    }

    private void addIds(long first, int n, long step) {
        if (idCount + n > ids.length) {
            ids = Arrays.copyOf(ids, Math.max(ids.length * 2, idCount + n));
        }
        for (int i = 0; i < n; i++) {
            ids[idCount++] = first + i * step;
        }
    }

    public BulkInsert add(String value) {
        if (value == null) {
            return addNull();
        }
        if (tsv != null) {
            field();
            escape(value);
        } else {
            value(value);
        }
        return this;
    }

    public BulkInsert add(Long value) {
        return value == null ? addNull() : add(value.longValue());
    }

    public BulkInsert add(long value) {
        if (tsv != null) {
            field();
            ascii(Long.toString(value));
        } else {
            value(value);
        }
        return this;
    }

    public BulkInsert add(Integer value) {
        return value == null ? addNull() : add(value.longValue());
    }

    public BulkInsert add(boolean value) {
        return add(value ? 1L : 0L);
    }

    public BulkInsert add(BigDecimal value) {
        if (value == null) {
            return addNull();
        }
        if (tsv != null) {
            field();
            ascii(value.toPlainString());
        } else {
            value(value);
        }
        return this;
    }

    public BulkInsert add(LocalDate value) {
        if (value == null) {
            return addNull();
        }
        if (tsv != null) {
            field();
            ascii(value.toString());
        } else {
            value(value);
        }
        return this;
    }

    /** Stored to the second, as DATETIME columns hold it. */
    public BulkInsert add(LocalDateTime value) {
        if (value == null) {
            return addNull();
        }
        LocalDateTime seconds = value.withNano(0);
        if (tsv != null) {
            field();
            if (!seconds.equals(lastDateTime)) { // rows of one batch usually share their timestamp
                lastDateTime = seconds;
                lastDateTimeText = DATETIME.format(seconds);
            }
            ascii(lastDateTimeText);
        } else {
            value(seconds);
        }
        return this;
    }

    public BulkInsert addNull() {
        if (tsv != null) {
            field();
            tsv.write('\\');
            tsv.write('N');
        } else {
            value(null);
        }
        return this;
    }

    /** Closes the current row (every row must have one value per column); sends the pending rows once they fill a buffer. */
    public void endRow() throws SQLException {
        if (column != columns.length) {
            throw new IllegalStateException(table + ": row " + (rows + 1) + " has " + column + " values for " + columns.length + " columns");
        }
        column = 0;
        rows++;
        if (tsv != null) {
            tsv.write('\n');
            if (tsv.size >= SEND_AT_BYTES) {
                send();
            }
        } else if (rows == ROWS_PER_INSERT) {
            send();
        }
    }

    /**
     * Sends the rows not yet sent and checks that the server stored every one of them unchanged.
     * Returns the number of rows written since the previous call.
     */
    public int execute() throws SQLException {
        if (column != 0) {
            throw new IllegalStateException(table + ": the last row was not ended");
        }
        send();
        int written = sentSinceExecute;
        sentSinceExecute = 0;
        return written;
    }

    private void send() throws SQLException {
        if (rows == 0) {
            return;
        }
        int sent = rows;
        try {
            if (mysql != null) {
                loadData(sent);
            } else {
                insert(sent);
            }
        } finally {
            rows = 0;
            if (tsv != null) {
                tsv.reset();
            } else {
                values.clear();
            }
        }
        sentSinceExecute += sent;
    }

    private void loadData(int sent) throws SQLException {
        String sql = "LOAD DATA LOCAL INFILE 'arbiter-bulk-insert' INTO TABLE " + table + " CHARACTER SET utf8mb4"
                + " FIELDS TERMINATED BY '\\t' ENCLOSED BY '' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' ("
                + String.join(", ", columns) + ")" + constantsSql;
        RuntimeProperty<Boolean> allow = mysql.getPropertySet().getBooleanProperty(PropertyKey.allowLoadLocalInfile);
        RuntimeProperty<Integer> packet = mysql.getPropertySet().getIntegerProperty(PropertyKey.maxAllowedPacket);
        boolean allowBefore = allow.getValue();
        int packetBefore = packet.getValue();
        try (Statement st = connection.createStatement()) {
            st.unwrap(JdbcStatement.class).setLocalInfileInputStream(tsv.stream());
            allow.setValue(true);
            packet.setValue(Math.min(packetBefore, 2 * SEND_AT_BYTES)); // sizes the driver's file buffer (see SEND_AT_BYTES)
            long stored;
            try {
                stored = st.executeLargeUpdate(sql);
            } finally {
                allow.setValue(allowBefore);
                packet.setValue(packetBefore);
            }
            SQLWarning warning = st.getWarnings();
            if (warning != null || stored != sent) {
                throw new SQLException(table + ": the database stored " + stored + " of " + sent + " rows"
                        + (warning == null ? "" : "; first problem: " + warning.getMessage()), "22000");
            }
            if (keys) {
                // the LOAD's first id; ids then step by auto_increment_increment (above 1 on multi-primary clusters)
                try (ResultSet rs = st.executeQuery("SELECT LAST_INSERT_ID(), @@auto_increment_increment")) {
                    rs.next();
                    addIds(rs.getLong(1), sent, rs.getLong(2));
                }
            }
        }
    }

    private void insert(int sent) throws SQLException {
        List<String> all = new ArrayList<>(Arrays.asList(columns));
        all.addAll(constantColumns);
        String head = "INSERT INTO " + table + " (" + String.join(", ", all) + ") VALUES ";
        String row = "(" + String.join(",", Collections.nCopies(all.size(), "?")) + ")";
        int stored = 0;
        for (int from = 0; from < sent; from += ROWS_PER_INSERT) {
            int n = Math.min(ROWS_PER_INSERT, sent - from);
            try (PreparedStatement ps = connection.prepareStatement(head + String.join(",", Collections.nCopies(n, row)),
                    keys ? Statement.RETURN_GENERATED_KEYS : Statement.NO_GENERATED_KEYS)) {
                int base = from * columns.length;
                int p = 1;
                for (int r = 0; r < n; r++) {
                    for (int i = 0; i < columns.length; i++) {
                        ps.setObject(p++, values.get(base + r * columns.length + i));
                    }
                    for (Object constant : constantValues) {
                        ps.setObject(p++, constant);
                    }
                }
                stored += ps.executeUpdate();
                if (keys) {
                    int got = 0;
                    try (ResultSet rs = ps.getGeneratedKeys()) {
                        while (rs.next()) {
                            addIds(rs.getLong(1), 1, 1);
                            got++;
                        }
                    }
                    if (got != n) {
                        throw new SQLException(table + ": expected " + n + " generated ids, got " + got, "22000");
                    }
                }
            }
        }
        if (stored != sent) {
            throw new SQLException(table + ": the database stored " + stored + " of " + sent + " rows", "22000");
        }
    }

    private void field() {
        started = true;
        if (column++ > 0) {
            tsv.write('\t');
        }
        checkColumns();
    }

    private void value(Object v) {
        started = true;
        column++;
        checkColumns();
        values.add(v);
    }

    private void checkColumns() {
        if (column > columns.length) {
            throw new IllegalStateException(table + ": more values than the " + columns.length + " columns in row " + (rows + 1));
        }
    }

    private void ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            tsv.write(s.charAt(i));
        }
    }

    /** LOAD DATA's default escapes: backslash, tab, newline, carriage return and NUL; the text as UTF-8. */
    private void escape(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        int from = 0;
        for (int i = 0; i < bytes.length; i++) {
            byte escaped = switch (bytes[i]) {
                case '\\' -> '\\';
                case '\t' -> 't';
                case '\n' -> 'n';
                case '\r' -> 'r';
                case 0 -> '0';
                default -> -1;
            };
            if (escaped != -1) { // UTF-8 never uses these byte values inside a multi-byte character
                tsv.write(bytes, from, i - from);
                tsv.write('\\');
                tsv.write(escaped);
                from = i + 1;
            }
        }
        tsv.write(bytes, from, bytes.length - from);
    }

    /** An unsynchronized byte buffer (ByteArrayOutputStream locks on every byte). */
    private static final class Bytes {
        private byte[] buf = new byte[SEND_AT_BYTES + (SEND_AT_BYTES >> 1)];
        private int size;

        void write(int b) {
            if (size == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            buf[size++] = (byte) b;
        }

        void write(byte[] b, int off, int len) {
            if (size + len > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + len));
            }
            System.arraycopy(b, off, buf, size, len);
            size += len;
        }

        InputStream stream() {
            return new ByteArrayInputStream(buf, 0, size);
        }

        void reset() {
            size = 0;
        }
    }

    /** What the server allows, read once per database URL: local_infile, and innodb_autoinc_lock_mode below 2. */
    private record Server(boolean localInfile, boolean consecutiveLoadIds) {
    }

    private static final Map<String, Server> SERVERS = new ConcurrentHashMap<>();

    private static Server server(JdbcConnection c) throws SQLException {
        String url = c.getURL();
        Server known = SERVERS.get(url);
        if (known == null) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT @@local_infile, @@innodb_autoinc_lock_mode")) {
                rs.next();
                known = new Server(rs.getInt(1) == 1, rs.getInt(2) < 2);
            }
            SERVERS.put(url, known);
        }
        return known;
    }

    private static boolean consecutiveLoadIds(JdbcConnection c) throws SQLException {
        return server(c).consecutiveLoadIds();
    }

    /**
     * The Connector/J connection when LOAD DATA LOCAL can be used on it: a MySQL/MariaDB connection opened with
     * {@code allowLoadLocalInfileInPath} (or {@code allowLoadLocalInfile}), so the capability was negotiated, to a
     * server with {@code local_infile} on (MySQL 8 has it off by default).
     */
    static JdbcConnection loadDataCapable(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return null;
        }
        JdbcConnection jc = connection.unwrap(JdbcConnection.class);
        var props = jc.getPropertySet();
        boolean capable = props.getBooleanProperty(PropertyKey.allowLoadLocalInfile).getValue()
                || props.getStringProperty(PropertyKey.allowLoadLocalInfileInPath).isExplicitlySet();
        return capable && server(jc).localInfile() ? jc : null;
    }
}
