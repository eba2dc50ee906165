package io.arbiter.intake;

import io.arbiter.cluster.JobHandler;
import io.arbiter.cluster.Jobs;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Background imports on the job table (issue 18): the upload's bytes were stored with the job by
 * {@link ImportService#submit}; whichever instance claims the job imports them. When that instance stops, another one
 * claims the job after its lease ran out and imports the file again from the beginning — the stopped instance's
 * transaction was rolled back by the database, so nothing of it is left — and the Import says so in a warning. After
 * the last attempt the Import is REJECTED with the reason.
 */
@Singleton
public class ImportJobs implements JobHandler {

    static final String KIND = "import";

    private final ImportService service;
    private final ImportFileRepository imports;
    private final Jobs jobs;

    ImportJobs(ImportService service, ImportFileRepository imports, Jobs jobs) {
        this.service = service;
        this.imports = imports;
        this.jobs = jobs;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Jobs.Lease lease) throws IOException, NoSuchAlgorithmException {
        Jobs.Job job = lease.job();
        ImportFile f = imports.findById(job.refId()).orElse(null);
        if (f == null || !ImportFile.RUNNING.equals(f.status())) {
            return; // ended meanwhile: nothing left to do
        }
        // A new attempt starts from the beginning: its progress too.
        service.progress(f.id(), 0);
        // A working copy on this instance's disk for the reader, which reads the file more than once (its encoding, then
        // the import; again after a collision); the job's chunks in the database stay the original until the job ends.
        Path file = Files.createTempFile("arbiter-import-", ".job");
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long size;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha)) {
            size = jobs.copyContent(job.id(), out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        if (size != f.total() || !HexFormat.of().formatHex(sha.digest()).equals(f.sha256())) {
            Files.deleteIfExists(file);
            service.reject(f.id(), f.sha256(), "the stored copy of the upload is not the file that was uploaded (" + size + " of "
                    + f.total() + " bytes, or a different SHA-256); nothing of it was kept — upload the file again", lease::finishIn);
            return;
        }
        service.run(f.id(), f.sha256(), file, ImportService.hint(job.args()), lease::finishIn, note(job));
    }

    @Override
    public void gaveUp(Jobs.Job job, String reason) {
        imports.findById(job.refId()).filter(f -> ImportFile.RUNNING.equals(f.status()))
                .ifPresent(f -> service.abandon(f.id(), f.sha256(), "the import " + reason + "; nothing of it was kept — upload the file again"));
    }

    /** Why the Import ran more than once, for its warnings; null on a first attempt. */
    private String note(Jobs.Job job) {
        if (job.attempt() == 1) {
            return null;
        }
        String why = job.takenOverFrom() != null
                ? "instance " + job.takenOverFrom() + " stopped while importing the file"
                : "the previous attempt failed";
        return "imported on attempt " + job.attempt() + " of " + job.maxAttempts() + ": " + why + ", so instance "
                + jobs.instanceName() + " imported it again from the beginning; nothing of the interrupted attempt was kept";
    }
}
