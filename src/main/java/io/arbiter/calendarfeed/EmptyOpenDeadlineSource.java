package io.arbiter.calendarfeed;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

import java.util.List;

/** Default source with no deadlines; {@code @Secondary} so any other {@link OpenDeadlineSource} bean replaces it. */
@Singleton
@Secondary
public class EmptyOpenDeadlineSource implements OpenDeadlineSource {

    @Override
    public List<OpenDeadline> forUser(String username) {
        return List.of();
    }
}
