package io.arbiter.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code arbiter.work.queue.depth} and {@code arbiter.work.queue.oldest.age} (seconds), read from the database when
 * scraped. Every instance reports the same numbers (the queue is the cluster's): alert on max(), not sum(). A failed
 * read reports NaN, which Prometheus shows as a gap rather than as an empty queue.
 */
@Singleton
public class WorkQueueGauges implements MeterBinder {

    private static final Logger LOG = LoggerFactory.getLogger(WorkQueueGauges.class);

    private final WorkQueue queue;

    public WorkQueueGauges(WorkQueue queue) {
        this.queue = queue;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("arbiter.work.queue.depth", this, g -> g.read(false))
                .description("Background work not yet finished (imports RUNNING), cluster-wide")
                .strongReference(true)
                .register(registry);
        Gauge.builder("arbiter.work.queue.oldest.age", this, g -> g.read(true))
                .description("Age of the oldest unfinished background work, cluster-wide; 0 when none")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
    }

    private double read(boolean age) {
        try {
            WorkQueue.Snapshot s = queue.snapshot();
            return age ? s.oldestAgeSeconds(queue.now()) : s.depth();
        } catch (RuntimeException e) {
            LOG.warn("Work queue gauge not read ({})", e.getClass().getName());
            return Double.NaN;
        }
    }
}
