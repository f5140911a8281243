package org.reflectlab.core.cluster;

import java.util.function.BooleanSupplier;

/**
 * What a worker does with a job: one per worker, owning that worker's copy of the models, always
 * called from the worker's own thread. Jobs and results are opaque bytes here; each feature (the
 * scaling sweep, the sample pools) encodes its own.
 */
public interface JobHandler {

    /**
     * Runs one job of the given kind. When {@code cancelled} turns true it returns early with the
     * part that is complete (possibly nothing), never a part-made answer. Throws when the job
     * cannot run (it is then retried elsewhere, a few times at most).
     */
    byte[] run(String kind, byte[] body, BooleanSupplier cancelled) throws Exception;

    /** Makes a worker's handler; called once, on that worker's thread (model loading happens here). */
    @FunctionalInterface
    interface Factory {
        JobHandler create() throws Exception;
    }
}
