package io.arbiter.cluster;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Each instance's poller for the job table: every {@code arbiter.jobs.poll-millis} (default 2 s), and at once when this
 * instance queues a job, it claims jobs of the kinds it has handlers for and runs them one at a time on its own thread
 * (as the single import thread did before), until none is left to claim.
 */
@Singleton
public class JobWorker {

    private static final Logger LOG = LoggerFactory.getLogger(JobWorker.class);

    private final Jobs jobs;
    private final Map<String, JobHandler> handlers = new LinkedHashMap<>();
    private final long pollMillis;
    private final boolean enabled;
    private final AtomicBoolean nudged = new AtomicBoolean();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "arbiter-jobs");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean stopping;

    JobWorker(Jobs jobs, List<JobHandler> handlers, @Value("${arbiter.jobs.poll-millis:2000}") long pollMillis,
              @Value("${arbiter.jobs.worker-enabled:true}") boolean enabled) {
        this.jobs = jobs;
        handlers.forEach(h -> this.handlers.put(h.kind(), h));
        this.pollMillis = Math.max(100, pollMillis);
        this.enabled = enabled;
    }

    @EventListener
    void start(StartupEvent event) {
        if (!enabled) {
            LOG.info("Job worker off (arbiter.jobs.worker-enabled=false): this instance runs no background jobs");
            return;
        }
        jobs.whenQueued(this::nudge);
        thread.scheduleWithFixedDelay(this::poll, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        stopping = true;
        // A job cut short by this stop ends nothing (not even as failed): it is queued again at once, its attempt not
        // counted, and another instance (or this one restarted) runs it from the beginning. Were this instance killed
        // instead, its lease would run out and the job be taken over then.
        jobs.handBack();
        thread.shutdownNow();
    }

    /** Polls now rather than at the next tick (a job was just queued here); nudges while a job runs fold into one. */
    public void nudge() {
        if (enabled && !stopping && nudged.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    nudged.set(false);
                    poll();
                });
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                nudged.set(false);
            }
        }
    }

    /** Claims and runs jobs until none is left; never throws: a task that throws is never scheduled again. */
    void poll() {
        try {
            while (!stopping && runOne()) {
                // drain: the next job at once
            }
        } catch (Throwable e) {
            // Errors too (a job that ran out of memory): its lease runs out and it is tried again, but this instance keeps
            // polling rather than silently taking no more work.
            LOG.warn("Job poll failed ({}); trying again in {} ms", e.getClass().getName(), pollMillis);
        }
    }

    /** Claims one job and runs it (or reports the one that ran out of attempts); false when there was none. */
    boolean runOne() {
        Optional<Jobs.Claimed> claimed = jobs.claim(handlers.keySet());
        if (claimed.isEmpty()) {
            return false;
        }
        JobHandler handler = handlers.get(claimed.get().job().kind());
        if (claimed.get() instanceof Jobs.Claimed.GaveUp gaveUp) {
            report(handler, gaveUp.job(), gaveUp.reason());
            return true;
        }
        try (Jobs.Lease lease = ((Jobs.Claimed.Run) claimed.get()).lease()) {
            try {
                handler.run(lease);
            } catch (Exception e) {
                if (stopping) {
                    return true;
                }
                // No PHI in logs: the type only.
                LOG.error("Job {} ({}) failed on attempt {}: {}", lease.job().id(), lease.job().kind(), lease.job().attempt(),
                        e.getClass().getName());
                jobs.failed(lease, "it failed (" + e.getClass().getSimpleName() + ")")
                        .ifPresent(reason -> report(handler, lease.job(), reason));
                return true;
            }
            jobs.completed(lease);
        }
        return true;
    }

    private static void report(JobHandler handler, Jobs.Job job, String reason) {
        try {
            handler.gaveUp(job, reason);
        } catch (RuntimeException e) {
            LOG.error("Job {} ({}) failed and its failure could not be recorded: {}", job.id(), job.kind(), e.getClass().getName());
        }
    }
}
