package org.reflectlab.ui.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.concurrent.SynchronousTaskRunner;

class ExperimentTest {

    private final SynchronousTaskRunner runner = new SynchronousTaskRunner();
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final Experiment experiment = new Experiment(runner, notifier, "Run failed", "Not run yet.");

    @Test
    void successHandsTheResultOverAndFreesTheExperiment() {
        List<Double> seen = new ArrayList<>();
        assertTrue(experiment.submit("work", "Working…", ctx -> {
            seen.add(experiment.progressProperty().get()); // empty until the work reports
            assertTrue(experiment.runningProperty().get());
            experiment.progress(ctx, 1, 4, "1 of 4");
            seen.add(experiment.progressProperty().get());
            return 42;
        }, v -> experiment.status("Got " + v)));
        assertEquals(List.of(0.0, 0.25), seen);
        assertEquals("Got 42", experiment.statusProperty().get());
        assertFalse(experiment.runningProperty().get());
        assertEquals(0.0, experiment.progressProperty().get());
    }

    @Test
    void anIndeterminateBarRunsUntilTheFirstReport() {
        Experiment e = new Experiment(runner, notifier, "Run failed", "Not run yet.").indeterminateAtStart();
        double[] seen = new double[2];
        e.submit("work", "Working…", ctx -> {
            seen[0] = e.progressProperty().get();
            e.progress(ctx, 1, 2, "half");
            seen[1] = e.progressProperty().get();
            return 1;
        }, v -> { });
        assertEquals(-1.0, seen[0]);
        assertEquals(0.5, seen[1]);
        assertEquals(0.0, e.progressProperty().get(), "empty again when it ends");
    }

    @Test
    void aFailureSaysItsCauseInTheStatusAndNotifies() {
        List<Throwable> failed = new ArrayList<>();
        experiment.submit("work", "Working…", ctx -> {
            throw new ExecutionException(new IllegalStateException("no models"));
        }, v -> { }, "Cancelled.", e -> "Failed: " + Experiment.message(e), failed::add);
        assertEquals("Failed: no models", experiment.statusProperty().get());
        assertEquals(List.of("Run failed: no models"), notifier.errors);
        assertEquals(1, failed.size());
        assertFalse(experiment.runningProperty().get());
    }

    @Test
    void aCancelledRunSaysSoAndKeepsNothingRunning() {
        runner.cancelNextTask();
        experiment.submit("work", "Working…", ctx -> {
            ctx.checkCancelled();
            return 1;
        }, v -> experiment.status("done"), "Cancelled; the last result is kept.", Experiment::message, e -> { });
        assertEquals("Cancelled; the last result is kept.", experiment.statusProperty().get());
        assertTrue(notifier.errors.isEmpty());
    }

    @Test
    void aMessagelessFailureIsNamedByItsType() {
        assertEquals("NullPointerException", Experiment.message(new NullPointerException()));
        assertEquals("disk full", Experiment.message(new RuntimeException(null, new java.io.IOException("disk full"))));
    }
}
