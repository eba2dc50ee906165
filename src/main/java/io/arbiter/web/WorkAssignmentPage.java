package io.arbiter.web;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.claims.ClaimOwners;
import io.arbiter.denials.DenialService;
import io.arbiter.security.AppUser;
import io.arbiter.security.PracticeScopes;
import io.arbiter.security.Roles;
import io.arbiter.security.Users;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "Assign selected to …" on the worklists: claims not yet in a case (underpaid lines, claims waiting for facts) and
 * denied lines. Only within the specialist's practices, and only to someone who works for the item's practice; what is
 * refused is listed with its reason and the rest is assigned.
 */
@Controller("/ui/assign")
@Secured({Roles.SPECIALIST, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class WorkAssignmentPage {

    /** Where each form returns to (never a URL taken from the request). */
    private static final Map<String, String> BACK = Map.of("underpayments", "/ui/worklists/underpayments",
            "waiting", "/ui/waiting-for-facts", "denials", "/ui/worklists/denials");

    private final Pages pages;
    private final ClaimOwners claimOwners;
    private final DenialService denials;
    private final Users users;
    private final PracticeScopes scopes;
    private final AuditLog audit;

    public WorkAssignmentPage(Pages pages, ClaimOwners claimOwners, DenialService denials, Users users, PracticeScopes scopes,
                              AuditLog audit) {
        this.pages = pages;
        this.claimOwners = claimOwners;
        this.denials = denials;
        this.users = users;
        this.scopes = scopes;
        this.audit = audit;
    }

    /** The people work can be assigned to: specialists and administrators, by user name. */
    static List<String> assignees(Users users) {
        return users.listOrderByUsername().stream().filter(u -> u.hasRole(Roles.SPECIALIST) || u.hasRole(Roles.ADMIN))
                .map(AppUser::username).toList();
    }

    @Post(value = "/claims", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<String> claims(HttpRequest<?> request, Authentication who, @Body Map<String, Object> form) {
        String back = back(form);
        pages.session().verifyCsrf(request, csrf(form));
        List<Long> ids = ids(form, "claimId");
        AppUser owner = owner(form);
        if (ids.isEmpty() || owner == null) {
            return Pages.redirect(back + "?error=" + QueuePage.enc(ids.isEmpty() ? "Select at least one claim." : "Choose whom to assign to."));
        }
        ClaimOwners.Assignment a = claimOwners.assign(ids, owner.username(), who.getName(), pages.practices(who), scopes.of(owner));
        audit.record(who, AuditAction.CHANGE, "CLAIM", null, a.assigned().size() + " claim(s) assigned to " + owner.username() + ", browser");
        return done(back, a.assigned().size(), owner.username(), a.refused());
    }

    @Post(value = "/denials", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<String> denials(HttpRequest<?> request, Authentication who, @Body Map<String, Object> form) {
        pages.session().verifyCsrf(request, csrf(form));
        List<Long> ids = ids(form, "denialId");
        AppUser owner = owner(form);
        if (ids.isEmpty() || owner == null) {
            return Pages.redirect(BACK.get("denials") + "?error=" + QueuePage.enc(ids.isEmpty() ? "Select at least one denied line."
                    : "Choose whom to assign to."));
        }
        Map<Long, String> refused = denials.assignAll(ids, owner.username(), pages.practices(who), scopes.of(owner));
        int assigned = (int) ids.stream().distinct().count() - refused.size();
        audit.record(who, AuditAction.CHANGE, "DENIAL", null, assigned + " denial(s) assigned to " + owner.username() + ", browser");
        return done(BACK.get("denials"), assigned, owner.username(), refused);
    }

    private static HttpResponse<String> done(String back, int assigned, String owner, Map<Long, String> refused) {
        List<String> why = new ArrayList<>();
        refused.forEach((id, reason) -> why.add(reason));
        String flash = assigned == 0 ? "" : "flash=" + QueuePage.enc(assigned + " assigned to " + owner + ".");
        String error = refused.isEmpty() ? "" : "error=" + QueuePage.enc(refused.size() + " not assigned — "
                + String.join("; ", Set.copyOf(why)));
        return Pages.redirect(back + "?" + flash + (flash.isEmpty() || error.isEmpty() ? "" : "&") + error);
    }

    private AppUser owner(Map<String, Object> form) {
        Object name = form.get("owner");
        if (name == null || name.toString().isBlank()) {
            return null;
        }
        return users.findByUsername(name.toString()).filter(u -> u.hasRole(Roles.SPECIALIST) || u.hasRole(Roles.ADMIN)).orElse(null);
    }

    private static String back(Map<String, Object> form) {
        return BACK.getOrDefault(String.valueOf(form.get("from")), BACK.get("underpayments"));
    }

    private static String csrf(Map<String, Object> form) {
        Object v = form.get(WebSession.CSRF_FIELD);
        return v == null ? null : v.toString();
    }

    /** The ids a form's checkboxes carry (one value or several); anything that is not a number is ignored. */
    static List<Long> ids(Map<String, Object> form, String field) {
        Object raw = form.get(field);
        List<Long> out = new ArrayList<>();
        for (Object v : raw instanceof List<?> l ? l : raw == null ? List.of() : List.of(raw)) {
            try {
                out.add(Long.valueOf(v.toString().trim()));
            } catch (NumberFormatException e) {
                // not an id: ignored
            }
        }
        return out;
    }
}
