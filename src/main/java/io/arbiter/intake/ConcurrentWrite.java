package io.arbiter.intake;

import java.sql.SQLException;

/**
 * Tells a write that lost a race with another import (same claim created, same remittance stored, deadlock, lock wait)
 * from a write that failed on its own. The database's unique keys decide such races; the loser rolls back and tries
 * again, and then finds the winner's rows committed.
 */
final class ConcurrentWrite {

    private ConcurrentWrite() {
    }

    static boolean isCollision(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e && isCollision(e)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCollision(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = e.getMessage() == null ? "" : e.getMessage();
        return state.startsWith("23")                 // integrity constraint: a unique key another import just filled
                || state.equals("40001")              // deadlock / serialization failure (MariaDB 1213, H2)
                || state.equals("HYT00")              // H2: lock wait timed out behind another import
                || e.getErrorCode() == 1205           // MariaDB/MySQL: lock wait timeout
                // BulkInsert turns LOAD DATA LOCAL's skipped duplicate rows into SQLState 22000
                || (state.equals("22000") && message.contains("Duplicate entry"));
    }
}
