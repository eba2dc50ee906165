package io.arbiter.intake;

import io.arbiter.intake.IntakeModel.BilledClaim;
import io.arbiter.intake.IntakeModel.PaidClaim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Overlaps reading and writing: a reader thread parses the file and hands claims, in chunks of
 * {@link IntakeWriter#CHUNK}, through a small bounded queue to the thread that owns the database
 * connection. On two cores StAEDI then runs while MariaDB executes the previous chunk's inserts.
 * The queue holds at most {@link #DEPTH} chunks, so memory stays bounded whatever the file size;
 * claims reach the writer in file order, so the result is the same as a sequential import.
 */
final class IntakePipeline {

    static final int DEPTH = 2;

    /** The reading half: runs on the reader thread and delivers to the given sink. */
    interface Reading {
        void read(IntakeModel.Sink sink) throws Exception;
    }

    private sealed interface Item permits Paid, Billed, End {
    }

    private record Paid(List<PaidClaim> claims) implements Item {
    }

    private record Billed(BilledClaim claim) implements Item {
    }

    private record End(Throwable failure) implements Item {
    }

    /** Thrown on the reader thread when the writer gave up; the reader just stops. */
    private static final class Aborted extends RuntimeException {
        Aborted() {
            super(null, null, false, false);
        }
    }

    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(DEPTH);
    private volatile boolean aborted;
    private final IntakeWriter.Timing timing;

    IntakePipeline(IntakeWriter.Timing timing) {
        this.timing = timing;
    }

    /**
     * Runs {@code reading} on a new thread and applies what it delivers to {@code writer} on the
     * calling thread, until the reader is done. A reader failure is rethrown here after the writer
     * has applied everything delivered before it; a writer failure stops the reader.
     */
    void run(String name, Reading reading, IntakeWriter writer) throws Exception {
        Thread reader = new Thread(() -> {
            Throwable failure = null;
            try {
                ChunkingSink sink = new ChunkingSink();
                reading.read(sink);
                sink.deliverPending();
            } catch (Aborted e) {
                return;
            } catch (Throwable e) {
                failure = e;
            }
            try {
                put(new End(failure));
            } catch (Aborted ignored) {
                // the writer has stopped already
            }
        }, name);
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                long t = System.nanoTime();
                Item item = queue.take();
                timing.phase("writer waits for reader", System.nanoTime() - t);
                if (item instanceof Paid p) {
                    writer.paidChunk(p.claims());
                } else if (item instanceof Billed b) {
                    writer.billed(b.claim());
                } else if (item instanceof End e) {
                    if (e.failure() instanceof Exception ex) {
                        throw ex;
                    } else if (e.failure() instanceof Error err) {
                        throw err;
                    }
                    break;
                }
            }
        } catch (Exception | Error e) {
            aborted = true;
            queue.clear();
            throw e;
        } finally {
            reader.join();
        }
    }

    private void put(Item item) {
        long t = System.nanoTime();
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (aborted) {
                    throw new Aborted();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Aborted();
        }
        if (aborted) {
            throw new Aborted();
        }
        timing.phase("reader waits for writer", System.nanoTime() - t);
    }

    /** Reader-side sink: groups remittances into chunks, keeps billed claims in file order. */
    private final class ChunkingSink implements IntakeModel.Sink {
        private List<PaidClaim> pending = new ArrayList<>(IntakeWriter.CHUNK);

        @Override
        public void paid(PaidClaim claim) {
            pending.add(claim);
            if (pending.size() >= IntakeWriter.CHUNK) {
                deliverPending();
            }
        }

        @Override
        public void billed(BilledClaim claim) {
            deliverPending();
            put(new Billed(claim));
        }

        @Override
        public void endOfTransaction() {
            deliverPending();
        }

        void deliverPending() {
            if (!pending.isEmpty()) {
                put(new Paid(pending));
                pending = new ArrayList<>(IntakeWriter.CHUNK);
            }
        }
    }
}
