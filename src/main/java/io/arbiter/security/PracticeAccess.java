package io.arbiter.security;

import io.micronaut.core.annotation.Nullable;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which practices' records a user reaches: every practice ({@code all}: administrators, a billing company's own staff)
 * or the practices assigned to them. A record of any other practice does not exist for them (404, left out of lists).
 */
public record PracticeAccess(boolean all, Set<Long> practiceIds) {

    /** Work the service does for itself (start-up, demo data, scheduled checks). */
    public static final PracticeAccess EVERY = new PracticeAccess(true, Set.of());
    public static final PracticeAccess NONE = new PracticeAccess(false, Set.of());

    public PracticeAccess {
        practiceIds = Set.copyOf(practiceIds);
    }

    public boolean allows(@Nullable Long practiceId) {
        return all || (practiceId != null && practiceIds.contains(practiceId));
    }

    /** The ids for {@code practice_id IN (:ids)}: never empty (an empty IN list is not SQL), so nothing matches. */
    public java.util.List<Long> idsForQuery() {
        return practiceIds.isEmpty() ? java.util.List.of(-1L) : java.util.List.copyOf(new TreeSet<>(practiceIds));
    }

    /**
     * A SQL condition keeping the rows of reachable practices, on {@code column} ({@code "c.practice_id"}). The ids are
     * numbers from the database, so writing them into the statement cannot inject anything.
     */
    public String sqlCondition(String column) {
        if (all) {
            return "1=1";
        }
        if (practiceIds.isEmpty()) {
            return "1=0";
        }
        return column + " IN (" + new TreeSet<>(practiceIds).stream().map(String::valueOf).collect(Collectors.joining(",")) + ")";
    }
}
