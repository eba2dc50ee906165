package io.arbiter.security;

import io.arbiter.common.ApiException;
import io.arbiter.common.ApiProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** The users of Arbiter as other capabilities read and change them (security owns the table): look-ups by name or calendar token, the user list, and saving a user the caller built. */
@Singleton
public class Users {

    private final AppUserRepository repository;

    public Users(AppUserRepository repository) {
        this.repository = repository;
    }

    public long count() {
        return repository.count();
    }

    public List<AppUser> findAll() {
        return repository.findAll();
    }

    public Optional<AppUser> findById(Long id) {
        return repository.findById(id);
    }

    public Optional<AppUser> findByUsername(String username) {
        return repository.findByUsername(username);
    }

    public Optional<AppUser> findByCalendarToken(String calendarToken) {
        return repository.findByCalendarToken(calendarToken);
    }

    public List<AppUser> listOrderByUsername() {
        return repository.listOrderByUsername();
    }

    public AppUser save(AppUser user) {
        return repository.save(user);
    }

    public AppUser update(AppUser user) {
        return repository.update(user);
    }

    /** The practices assigned to a user (empty for one who reaches every practice). */
    public List<Long> practiceIdsOf(Long userId) {
        return repository.practiceIdsOf(userId);
    }

    /** The practices assigned to every user, in one query (for lists of users). */
    public java.util.Map<Long, List<Long>> practiceIdsByUser() {
        java.util.Map<Long, List<Long>> out = new java.util.HashMap<>();
        for (AppUserRepository.UserPractice row : repository.allPracticeAssignments()) {
            out.computeIfAbsent(row.userId(), k -> new java.util.ArrayList<>()).add(row.practiceId());
        }
        return out;
    }

    /**
     * Reaching every practice, or exactly {@code practiceIds}. A practice id that does not exist is refused by the
     * database (foreign key), which the caller reports.
     */
    @Transactional
    public AppUser assignPractices(AppUser user, boolean all, Collection<Long> practiceIds) {
        AppUser saved = user.allPractices() == all ? user : repository.update(user.withAllPractices(all));
        repository.clearPractices(user.id());
        if (!all) {
            for (Long id : new TreeSet<>(practiceIds)) {
                repository.addPractice(user.id(), id);
            }
        }
        return saved;
    }

    /**
     * Whether the user reaches every practice. Administrators always do (they manage every practice's settings), and
     * so does an attorney named no practice (the shares decide what they see); anyone else needs
     * {@code allPractices: true} or at least one practice id — nobody is given every practice by default.
     */
    public static boolean reachesAllPractices(@Nullable Boolean all, @Nullable List<Long> practiceIds, List<String> roles) {
        boolean none = practiceIds == null || practiceIds.isEmpty();
        if (roles.contains(Roles.ADMIN) || Boolean.TRUE.equals(all) || (none && roles.equals(List.of(Roles.ATTORNEY)))) {
            return true; // an attorney named no practice reaches the cases shared with them, whichever practice's
        }
        if (practiceIds == null || practiceIds.isEmpty() || practiceIds.stream().anyMatch(java.util.Objects::isNull)) {
            throw ApiException.unprocessable("practiceIds: name the practices this user works for, or set allPractices: true",
                    List.of(new ApiProblem.ProblemDetail("practiceIds", "at least one practice id, or allPractices: true")));
        }
        return false;
    }
}
