package io.arbiter.cluster;

/**
 * Runs the jobs of one kind for {@link JobWorker}. A job may run more than once — again from the beginning on another
 * instance when the one running it stopped — so {@link #run} must leave nothing of an attempt that did not finish
 * (one transaction, as imports do) and should end that transaction with {@link Jobs.Lease#finishIn}.
 */
public interface JobHandler {

    /** The job kind this handler runs (lower-case letters, digits and dashes). */
    String kind();

    /** Runs the job from its beginning. Returning ends the job (DONE); throwing counts a failed attempt. */
    void run(Jobs.Lease lease) throws Exception;

    /** The job's attempts ran out ({@code reason} says why, e.g. the instance that stopped); record it for its users. */
    void gaveUp(Jobs.Job job, String reason);
}
