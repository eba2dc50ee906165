package io.arbiter.cases;

import io.arbiter.calendarfeed.OpenDeadline;
import io.arbiter.calendarfeed.OpenDeadlineSource;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user's open deadlines for the calendar feed: those of the open cases they own and the cases
 * shared with them. The summary names the case and the deadline, never the patient.
 */
@Singleton
public class CaseDeadlineFeed implements OpenDeadlineSource {

    private final DisputeCaseRepository cases;
    private final CaseShareRepository shares;
    private final CaseDeadlineRepository deadlines;

    private final io.arbiter.security.PracticeScopes practiceScopes;

    public CaseDeadlineFeed(DisputeCaseRepository cases, CaseShareRepository shares, CaseDeadlineRepository deadlines,
                            io.arbiter.security.PracticeScopes practiceScopes) {
        this.practiceScopes = practiceScopes;
        this.cases = cases;
        this.shares = shares;
        this.deadlines = deadlines;
    }

    @Override
    @Transactional(readOnly = true)
    public List<OpenDeadline> forUser(String username) {
        // assigned or shared, and of a practice the user still reaches (an assignment outlives a change of practices)
        io.arbiter.security.PracticeAccess access = practiceScopes.of(username);
        Map<Long, DisputeCase> mine = new LinkedHashMap<>();
        cases.findByAssignee(username).stream().filter(DisputeCase::open).filter(c -> access.allows(c.getPracticeId()))
                .forEach(c -> mine.put(c.getId(), c));
        shares.findByUsername(username).forEach(s -> cases.findById(s.caseId()).filter(DisputeCase::open)
                .filter(c -> access.allows(c.getPracticeId())).ifPresent(c -> mine.put(c.getId(), c)));
        List<OpenDeadline> out = new ArrayList<>();
        if (mine.isEmpty()) {
            return out;
        }
        for (CaseDeadline d : deadlines.findByCaseIdInAndMetFalseOrderByDueDate(mine.keySet())) {
            DisputeCase c = mine.get(d.caseId());
            out.add(new OpenDeadline("arbiter-case-" + c.getId() + "-" + d.key(), d.dueDate(),
                    c.getCaseNumber() + ": " + d.key().replace('_', ' ').toLowerCase(),
                    c.getTrack() + " · " + d.count() + " " + d.dayType().name().toLowerCase() + " days from "
                            + d.fromKey().replace('_', ' ').toLowerCase() + " (" + d.fromDate() + ")"
                            + (d.citation() == null ? "" : " · " + d.citation()),
                    "/ui/cases/" + c.getId()));
        }
        return out;
    }
}
