package io.arbiter.security;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

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
}
