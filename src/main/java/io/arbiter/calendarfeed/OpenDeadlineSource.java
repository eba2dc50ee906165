package io.arbiter.calendarfeed;

import java.util.List;

/**
 * Supplies a user's open deadlines for the .ics feed. The cases capability provides the real bean;
 * until then {@link EmptyOpenDeadlineSource} answers with none.
 */
public interface OpenDeadlineSource {

    List<OpenDeadline> forUser(String username);
}
