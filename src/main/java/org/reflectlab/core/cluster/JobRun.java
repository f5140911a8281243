package org.reflectlab.core.cluster;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A batch of jobs submitted to a coordinator. Every job ends in exactly one {@link Outcome}, in
 * the order they finish: its result, or an error after its retries, or cancelled (never started
 * before {@link #cancel()}). A job whose worker died is run again elsewhere; only its first result
 * is delivered.
 */
public final class JobRun {

    /**
     * How one job ended; {@code index} is its place in the submitted list; {@code runMillis} the
     * time the handler took, {@code roundTripMillis} from handing it out to hearing back (the
     * difference is the messaging overhead).
     */
    public record Outcome(int index, byte[] result, String error, boolean cancelled, String worker, String node, long runMillis,
                          double roundTripMillis) {
    }

    private final List<JobSpec> jobs;
    private final String requirement;
    private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    private final Runnable onCancel;
    private volatile boolean cancelled;
    private int taken;

    JobRun(List<JobSpec> jobs, String requirement, Runnable onCancel) {
        this.jobs = List.copyOf(jobs);
        this.requirement = requirement == null ? "" : requirement;
        this.onCancel = onCancel;
    }

    public List<JobSpec> jobs() {
        return jobs;
    }

    String requirement() {
        return requirement;
    }

    void deliver(Outcome o) {
        outcomes.add(o);
    }

    /** The next outcome, or null if none arrived within the wait. */
    public Outcome next(long timeout, TimeUnit unit) throws InterruptedException {
        Outcome o = outcomes.poll(timeout, unit);
        if (o != null) {
            taken++;
        }
        return o;
    }

    /** True once every job's outcome has been taken with {@link #next}. */
    public boolean finished() {
        return taken >= jobs.size();
    }

    /** Queued jobs end as cancelled; running ones are asked to stop and bring back what is complete. */
    public void cancel() {
        if (!cancelled) {
            cancelled = true;
            onCancel.run();
        }
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** What is done with one finished job's result (I/O may fail, which ends the draining). */
    @FunctionalInterface
    public interface ResultHandler {
        void accept(Outcome o) throws IOException;
    }

    /**
     * Takes outcomes until every job has ended, handing each result to {@code onResult}; cancels the
     * run when {@code cancelled} says so or once a job has failed, and then fails with that job's error.
     */
    public void drain(BooleanSupplier cancelled, ResultHandler onResult) throws IOException {
        String failure = null;
        try {
            while (!finished()) {
                if (!cancelled() && (failure != null || cancelled.getAsBoolean())) {
                    cancel();
                }
                Outcome o = next(250, TimeUnit.MILLISECONDS);
                if (o == null) {
                    continue;
                }
                if (o.error() != null && failure == null) {
                    failure = o.error();
                }
                if (o.result() != null) {
                    onResult.accept(o);
                }
            }
        } catch (InterruptedException e) {
            cancel();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (failure != null) {
            throw new IOException(failure);
        }
    }
}
