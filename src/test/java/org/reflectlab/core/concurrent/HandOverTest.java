package org.reflectlab.core.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class HandOverTest {

    /** A UI thread stand-in that runs posted work only when told to. */
    private static final class ManualUi implements Executor {
        final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();

        @Override
        public void execute(Runnable r) {
            queue.add(r);
        }

        void runAll() {
            for (Runnable r; (r = queue.poll()) != null; ) {
                r.run();
            }
        }
    }

    @Test
    void latestValueKeepsOneHandOverInFlightAndTheNewestWins() {
        ManualUi ui = new ManualUi();
        List<Integer> seen = new ArrayList<>();
        LatestValue<Integer> latest = new LatestValue<>(ui, seen::add);
        for (int i = 0; i < 1000; i++) {
            latest.offer(i);
        }
        assertEquals(1, ui.queue.size());
        ui.runAll();
        assertEquals(List.of(999), seen);
    }

    @Test
    void batcherDeliversEveryValueInOrder() {
        ManualUi ui = new ManualUi();
        List<List<Integer>> batches = new ArrayList<>();
        Batcher<Integer> batcher = new Batcher<>(ui, batches::add);
        for (int i = 0; i < 10; i++) {
            batcher.add(i);
        }
        assertEquals(1, ui.queue.size());
        ui.runAll();
        batcher.add(10);
        ui.runAll();
        assertEquals(List.of(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), List.of(10)), batches);
    }

    @Test
    void synchronousRunnerCallsExactlyOneOutcomeThenFinished() {
        SynchronousTaskRunner runner = new SynchronousTaskRunner();
        List<String> calls = new ArrayList<>();
        runner.submit(BackgroundTask.of("ok", ctx -> 42)
                .onSuccess(v -> calls.add("success " + v)).onFinished(() -> calls.add("finished")));
        runner.submit(BackgroundTask.of("boom", ctx -> {
            throw new IllegalStateException("boom");
        }).onFailure(e -> calls.add("failure " + e.getMessage())).onFinished(() -> calls.add("finished")));
        runner.cancelNextTask();
        runner.submit(BackgroundTask.of("cancel", ctx -> {
            ctx.checkCancelled();
            return 1;
        }).onSuccess(v -> calls.add("wrong")).onCancelled(() -> calls.add("cancelled")).onFinished(() -> calls.add("finished")));
        assertEquals(List.of("success 42", "finished", "failure boom", "finished", "cancelled", "finished"), calls);
        assertEquals(List.of("ok", "boom", "cancel"), runner.submittedTitles());
    }

    @Test
    void cancellationExceptionCountsAsCancelled() {
        List<String> calls = new ArrayList<>();
        new SynchronousTaskRunner().submit(BackgroundTask.of("t", ctx -> {
            throw new CancellationException();
        }).onCancelled(() -> calls.add("cancelled")).onFailure(e -> calls.add("failed")));
        assertTrue(calls.contains("cancelled") && !calls.contains("failed"));
    }
}
