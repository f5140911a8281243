package org.reflectlab.ui.world;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.SynchronousTaskRunner;
import org.reflectlab.core.concurrent.TaskHandle;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.world.AlphaSweep;
import org.reflectlab.core.world.ModelKind;
import org.reflectlab.ui.kit.RecordingNotifier;

class SweepAndPlayViewModelTest {

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    private final SynchronousTaskRunner runner = new SynchronousTaskRunner();
    private final RecordingNotifier notifier = new RecordingNotifier();

    private WorldViewModel world(java.util.function.Supplier<org.reflectlab.core.world.WorldModels> models) {
        WorldViewModel vm = new WorldViewModel(runner, notifier, models);
        vm.settings().setHorizon(12);
        vm.loadModels();
        return vm;
    }

    @Test
    void theSweepStreamsEveryAlphaAndAppliesTheBest() {
        WorldViewModel world = world(TestModels::withTinyImplicit);
        SweepViewModel sweep = new SweepViewModel(runner, notifier, world);
        assertTrue(sweep.setRollouts(2));
        assertFalse(sweep.setRollouts(0));
        sweep.run();
        AlphaSweep.Result r = sweep.resultProperty().get();
        assertNotNull(r);
        assertEquals(SweepViewModel.ALPHAS, r.points().size());
        assertEquals(SweepViewModel.ALPHAS, sweep.errorStream().drainAll().size());
        assertEquals(SweepViewModel.ALPHAS, sweep.diffStream().drainAll().size());
        assertTrue(r.points().stream().allMatch(p -> p.meanError() >= r.best().meanError()));
        assertTrue(sweep.statusProperty().get().startsWith("Best alpha"), sweep.statusProperty().get());
        sweep.applyBest();
        assertEquals(r.best().alpha(), world.settings().alphaProperty().get());
        assertEquals(r.best().alpha(), world.comparisonProperty().get().alpha());
    }

    @Test
    void aCancelledSweepKeepsThePreviousCurve() {
        WorldViewModel world = world(TestModels::withTinyImplicit);
        SweepViewModel sweep = new SweepViewModel(runner, notifier, world);
        sweep.setRollouts(1);
        sweep.run();
        AlphaSweep.Result first = sweep.resultProperty().get();
        sweep.errorStream().drainAll();
        runner.cancelNextTask();
        sweep.run();
        assertEquals(first, sweep.resultProperty().get());
        assertEquals(SweepViewModel.ALPHAS, sweep.errorStream().drainAll().size(), "the previous curve is back");
        assertEquals("Sweep cancelled; the previous result is kept.", sweep.statusProperty().get());
        assertFalse(sweep.runningProperty().get());
    }

    @Test
    void withoutTheImplicitModelTheSweepExplainsAndDoesNothing() {
        WorldViewModel world = world(TestModels::explicitOnly);
        SweepViewModel sweep = new SweepViewModel(runner, notifier, world);
        sweep.run();
        assertNull(sweep.resultProperty().get());
        assertTrue(sweep.statusProperty().get().contains("without the implicit model"), sweep.statusProperty().get());
    }

    /** Runs tasks on their own thread, UI hand-overs in place, as the app does. */
    private static final class ThreadRunner implements TaskRunner {
        @Override
        public <V> TaskHandle submit(BackgroundTask<V> task) {
            SynchronousTaskRunner inner = new SynchronousTaskRunner();
            Thread t = new Thread(() -> inner.submit(task), "test-play");
            t.setDaemon(true);
            t.start();
            return TaskHandle.DONE;
        }

        @Override
        public Executor uiExecutor() {
            return Runnable::run;
        }

        @Override
        public void shutdown() {
        }
    }

    @Test
    void playRunsAtTheTargetRateAndArrowKeysMakeTheAction() throws Exception {
        WorldViewModel world = world(TestModels::withTinyImplicit);
        PlayViewModel play = new PlayViewModel(new ThreadRunner(), notifier, world);
        play.modelProperty().set(ModelKind.HYBRID);
        play.press(PlayViewModel.Key.RIGHT);
        play.press(PlayViewModel.Key.UP);
        assertArrayEquals(new double[] {1, -1}, play.action());
        play.press(PlayViewModel.Key.LEFT);
        assertArrayEquals(new double[] {0, -1}, play.action(), "left and right cancel");
        play.release(PlayViewModel.Key.LEFT);
        play.release(PlayViewModel.Key.UP);
        assertArrayEquals(new double[] {1, 0}, play.action());
        play.start();
        assertTrue(play.runningProperty().get());
        long end = System.currentTimeMillis() + 20_000;
        while ((play.tickProperty().get() == null || play.tickProperty().get().frame().step() < 40) && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        PlayViewModel.Tick t = play.tickProperty().get();
        assertNotNull(t);
        assertTrue(t.frame().step() >= 40, "frames so far " + t.frame().step());
        assertTrue(t.fps() > 10 && t.fps() < PlayViewModel.TARGET_FPS * 1.3, "paced near the target: " + t.fps());
        play.stop();
        assertFalse(play.runningProperty().get());
        long stoppedAt = play.tickProperty().get().frame().step();
        Thread.sleep(300);
        assertTrue(play.tickProperty().get().frame().step() <= stoppedAt + 1, "no frames after stop");
    }

    @Test
    void playAgainstAMissingImplicitModelFallsBackToPhysics() throws Exception {
        WorldViewModel world = world(TestModels::explicitOnly);
        PlayViewModel play = new PlayViewModel(new ThreadRunner(), notifier, world);
        play.modelProperty().set(ModelKind.IMPLICIT);
        play.start();
        assertTrue(play.problemProperty().get().contains("playing against explicit physics instead"));
        play.stop();
    }
}
