package org.reflectlab.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.SynchronousTaskRunner;
import org.reflectlab.core.concurrent.TaskHandle;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.nn.unified.UnifiedConfig;
import org.reflectlab.core.train.TrainSettings;
import org.reflectlab.core.train.UnifiedTraining;
import org.reflectlab.ui.kit.RecordingNotifier;

class TrainViewModelTest {

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    private static UnifiedTraining tiny(HyperParams hp) {
        TrainSettings s = hp.toSettings();
        return UnifiedTraining.fresh(UnifiedConfig.tiny(),
                new TrainSettings(s.learningRate(), 8, s.steps(), s.seed(), 1, s.evalEvery(), 16, s.sampleEvery()));
    }

    @Test
    void aRunGoesFromStartToFinishedWithPointsAndTiles() {
        SynchronousTaskRunner runner = new SynchronousTaskRunner();
        TrainViewModel vm = new TrainViewModel(runner, new RecordingNotifier(), TrainViewModelTest::tiny, null);
        assertTrue(vm.hyper().set("steps", 6));
        assertTrue(vm.hyper().set("evalEvery", 3));
        assertTrue(vm.commands().canStartProperty().get());
        assertFalse(vm.commands().canPauseProperty().get());
        vm.start();
        assertEquals(TrainViewModel.State.IDLE, vm.stateProperty().get());
        assertEquals(6, vm.monitor().stepProperty().get());
        assertTrue(vm.hasModelProperty().get());
        assertEquals(6, vm.monitor().lossStreams().get("total").drainAll().size());
        assertEquals(3, vm.monitor().lossStreams().get(TrainCharts.HELD_OUT).drainAll().size(), "evaluations at 0, 3 and 6");
        assertNotNull(vm.monitor().samplesProperty().get());
        assertTrue(Double.isFinite(vm.monitor().tiles().currentLossProperty().get()));
        assertTrue(vm.statusProperty().get().startsWith("Finished 6 steps"), vm.statusProperty().get());
        // issue 30: the status line after the run follows a language switch; the run and its charts stay
        try {
            org.reflectlab.ui.kit.I18n.setLocale(org.reflectlab.ui.kit.I18n.JAPANESE);
            assertTrue(vm.statusProperty().get().startsWith("6 ステップの学習が終わりました"), vm.statusProperty().get());
            assertEquals(6, vm.monitor().stepProperty().get());
        } finally {
            org.reflectlab.ui.kit.I18n.setLocale(org.reflectlab.ui.kit.I18n.ENGLISH);
        }
        assertTrue(vm.statusProperty().get().startsWith("Finished 6 steps"), vm.statusProperty().get());
        assertTrue(vm.commands().canResetProperty().get());
        vm.reset();
        assertFalse(vm.hasModelProperty().get());
        assertEquals(0, vm.monitor().stepProperty().get());
    }

    @Test
    void afterARunEndsThereIsNoEta() {
        TrainViewModel vm = new TrainViewModel(new SynchronousTaskRunner(), new RecordingNotifier(), TrainViewModelTest::tiny, null);
        vm.hyper().set("steps", 4);
        vm.start();
        assertTrue(Double.isNaN(vm.monitor().tiles().etaSecondsProperty().get()), "no ETA once nothing runs");
        assertEquals(0, vm.monitor().tiles().stepsPerSecondProperty().get());
    }

    @Test
    void theQuickPresetIsASmallModelEvaluatedOftenAndTheDefault() {
        TrainViewModel vm = new TrainViewModel(new SynchronousTaskRunner(), new RecordingNotifier(), TrainViewModelTest::tiny, null);
        HyperParams hp = vm.hyper().params();
        assertEquals(20, hp.toSettings().evalEvery(), "a new Train workspace opens on the quick preset");
        assertTrue(vm.statusProperty().get().startsWith("Quick preset"), vm.statusProperty().get());
        vm.hyper().applyFull();
        assertEquals(UnifiedConfig.defaults().width(), hp.toConfig().width(), "the full-size model is one click away");
        assertTrue(vm.statusProperty().get().startsWith("Full-size model"), vm.statusProperty().get());
        vm.hyper().applyQuick();
        assertEquals(20, hp.toSettings().evalEvery());
        assertEquals(20, hp.toSettings().sampleEvery(), "samples every evaluation: they visibly change");
        assertTrue(hp.toConfig().width() < UnifiedConfig.defaults().width());
        assertEquals(hp.toSettings().steps(), vm.monitor().totalStepsProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Quick preset"), vm.statusProperty().get());
    }

    @Test
    void continuingFromTheShippedModelShowsItsSamplesAndTrainsItFurther(@TempDir Path dir) throws Exception {
        UnifiedTraining shippedRun = UnifiedTraining.fresh(UnifiedConfig.tiny(), new TrainSettings(0.001, 8, 2, 1, 1, 1, 16, 1));
        shippedRun.trainStep();
        org.reflectlab.core.store.ModelStore store = new org.reflectlab.core.store.ModelStore(dir);
        shippedRun.save(store, org.reflectlab.core.train.UnifiedModelIO.DEFAULT_NAME, "test", false);
        TrainViewModel vm = new TrainViewModel(new SynchronousTaskRunner(), new RecordingNotifier(), TrainViewModelTest::tiny, store);
        assertTrue(vm.canContinueFromShipped());
        vm.hyper().set("steps", 3);
        vm.hyper().set("batch", 8);
        vm.continueFromShipped();
        assertTrue(vm.hasModelProperty().get(), vm.problemProperty().get());
        assertNotNull(vm.monitor().samplesProperty().get(), "the loaded model's samples show before any training");
        assertEquals(UnifiedConfig.tiny().width(), vm.hyper().params().get("width").value().intValue(), "the sheet shows the loaded model");
        assertEquals(ContinueFromShipped.LEARNING_RATE, vm.hyper().params().get("learningRate").value().doubleValue());
        assertEquals(0, vm.monitor().stepProperty().get());
        vm.start();
        assertEquals(3, vm.monitor().stepProperty().get(), "Start trains the loaded model");
        assertTrue(vm.statusProperty().get().startsWith("Finished 3 steps"), vm.statusProperty().get());
    }

    @Test
    void outOfRangeHyperparametersAreRefusedWithAMessage() {
        TrainViewModel vm = new TrainViewModel(new SynchronousTaskRunner(), new RecordingNotifier(), TrainViewModelTest::tiny, null);
        int batchBefore = vm.hyper().params().get("batch").value().intValue();
        assertFalse(vm.hyper().set("batch", 1));
        assertTrue(vm.hyper().errorProperty().get().startsWith("Batch size must be 2 to 1024"), vm.hyper().errorProperty().get());
        assertEquals(batchBefore, vm.hyper().params().get("batch").value().intValue(), "old value kept");
        assertFalse(vm.hyper().set("learningRate", 5));
        assertFalse(vm.hyper().set("steps", 2.5));
        assertTrue(vm.hyper().errorProperty().get().contains("whole number"));
        assertFalse(vm.hyper().set("width", 50));
        assertTrue(vm.hyper().errorProperty().get().contains("divisible by 4"));
        assertTrue(vm.hyper().set("learningRate", 0.0005));
        assertEquals("", vm.hyper().errorProperty().get());
        vm.hyper().set("reconWeight", 0);
        vm.hyper().set("generationWeight", 0);
        vm.hyper().set("captionWeight", 0);
        assertFalse(vm.hyper().set("alignWeight", 0));
        assertTrue(vm.hyper().errorProperty().get().contains("At least one loss weight"));
    }

    /** Runs the submitted training on its own thread, UI callbacks in place, like the app. */
    private static final class ThreadRunner implements TaskRunner {
        final AtomicReference<Thread> thread = new AtomicReference<>();

        @Override
        public <V> TaskHandle submit(BackgroundTask<V> task) {
            SynchronousTaskRunner inner = new SynchronousTaskRunner();
            Thread t = new Thread(() -> inner.submit(task), "test-train");
            thread.set(t);
            t.start();
            return TaskHandle.DONE;
        }

        @Override
        public java.util.concurrent.Executor uiExecutor() {
            return Runnable::run;
        }

        @Override
        public void shutdown() {
        }
    }

    @Test
    void pauseResumeAndStopDriveTheStateMachine() throws Exception {
        ThreadRunner runner = new ThreadRunner();
        CountDownLatch built = new CountDownLatch(1);
        TrainViewModel vm = new TrainViewModel(runner, new RecordingNotifier(), hp -> {
            UnifiedTraining t = tiny(hp);
            built.countDown();
            return t;
        }, null);
        vm.hyper().set("steps", 100_000);
        vm.controls().pause(); // nothing to pause yet: ignored
        assertEquals(TrainViewModel.State.IDLE, vm.stateProperty().get());
        vm.start();
        assertFalse(vm.commands().canStartProperty().get());
        assertTrue(built.await(30, TimeUnit.SECONDS));
        waitFor(() -> vm.monitor().stepProperty().get() >= 2);
        assertEquals(TrainViewModel.State.RUNNING, vm.stateProperty().get());
        assertTrue(vm.commands().canPauseProperty().get() && vm.commands().canStopProperty().get() && !vm.commands().canResumeProperty().get());
        vm.controls().pause();
        assertEquals(TrainViewModel.State.PAUSED, vm.stateProperty().get());
        assertTrue(vm.commands().canResumeProperty().get() && vm.commands().canSaveProperty().get());
        Thread.sleep(1500);
        long pausedAt = vm.monitor().stepProperty().get();
        Thread.sleep(1000);
        assertEquals(pausedAt, vm.monitor().stepProperty().get(), "no steps while paused");
        vm.controls().resume();
        waitFor(() -> vm.monitor().stepProperty().get() > pausedAt + 1);
        vm.controls().stop();
        assertEquals(TrainViewModel.State.STOPPING, vm.stateProperty().get());
        runner.thread.get().join(30_000);
        assertEquals(TrainViewModel.State.IDLE, vm.stateProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Stopped at step"), vm.statusProperty().get());
        assertTrue(vm.hasModelProperty().get(), "a stopped run keeps its model");
    }

    /** A tiny run whose batches pass through {@code poison} (call number, batch), recording the learning rate of each. */
    private static UnifiedTraining poisoned(HyperParams hp, java.util.List<Double> rates,
                                            java.util.function.BiPredicate<Integer, UnifiedTraining> poison) {
        UnifiedTraining t = tiny(hp);
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        t.filterBatches(b -> {
            rates.add(t.learningRate());
            if (poison.test(calls.incrementAndGet(), t)) {
                b.getFeatures(0).putScalar(0, Float.NaN);
            }
            return b;
        });
        return t;
    }

    @Test
    void aNanPausesWithTheWeightsRestoredAndLowerLearningRateResumes() throws Exception {
        java.util.List<Double> twinRates = new java.util.concurrent.CopyOnWriteArrayList<>();
        TrainViewModel twin = new TrainViewModel(new SynchronousTaskRunner(), new RecordingNotifier(),
                hp -> poisoned(hp, twinRates, (n, t) -> false), null);
        twin.hyper().set("steps", 6);
        twin.start();

        ThreadRunner runner = new ThreadRunner();
        RecordingNotifier notifier = new RecordingNotifier();
        java.util.List<Double> rates = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicReference<java.util.Map<String, org.nd4j.linalg.api.ndarray.INDArray>> before = new AtomicReference<>();
        AtomicReference<UnifiedTraining> run = new AtomicReference<>();
        TrainViewModel vm = new TrainViewModel(runner, notifier, hp -> {
            UnifiedTraining t = poisoned(hp, rates, (n, tr) -> {
                if (n == 3) {
                    before.set(tr.model().params().snapshot());
                }
                return n == 3;
            });
            run.set(t);
            return t;
        }, null);
        vm.hyper().set("steps", 6);
        vm.start();
        waitFor(() -> vm.stateProperty().get() == TrainViewModel.State.PAUSED && !vm.problemProperty().get().isEmpty());
        assertTrue(vm.problemProperty().get().contains("became NaN at step 3"), vm.problemProperty().get());
        assertEquals(1, notifier.errors.size(), "the user is told");
        assertTrue(vm.commands().canResumeProperty().get());
        before.get().forEach((k, v) -> assertEquals(v, run.get().model().params().arrays().get(k), k + " is as before the NaN"));
        vm.controls().lowerLearningRateAndResume();
        runner.thread.get().join(60_000);
        assertEquals(TrainViewModel.State.IDLE, vm.stateProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Finished 6 steps"), vm.statusProperty().get());
        assertEquals("", vm.problemProperty().get());
        assertEquals(twinRates.get(3) / 3, rates.get(3), 1e-12, "the step after the NaN runs at a third of the rate");
        assertEquals(twinRates.get(5) / 3, rates.get(5), 1e-12, "and so does the rest of the run");
    }

    @Test
    void aRunThatKeepsDivergingStopsWithAnExplanation() throws Exception {
        ThreadRunner runner = new ThreadRunner();
        TrainViewModel vm = new TrainViewModel(runner, new RecordingNotifier(),
                hp -> poisoned(hp, new java.util.concurrent.CopyOnWriteArrayList<>(), (n, t) -> n > 2), null);
        vm.hyper().set("steps", 20);
        vm.start();
        for (int i = 1; i < org.reflectlab.core.train.TrainingLoop.MAX_CONSECUTIVE_ROLLBACKS; i++) {
            int expected = i;
            waitFor(() -> vm.stateProperty().get() == TrainViewModel.State.PAUSED
                    && vm.problemProperty().get().contains("at step " + (2 + expected)));
            vm.controls().lowerLearningRateAndResume();
        }
        runner.thread.get().join(60_000);
        assertEquals(TrainViewModel.State.IDLE, vm.stateProperty().get());
        assertTrue(vm.problemProperty().get().startsWith("Training diverged: 3 steps in a row"), vm.problemProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Stopped: training diverged"), vm.statusProperty().get());
    }

    @Test
    void exportWritesTheHistoryAsCsv(@TempDir Path dir) throws Exception {
        RecordingNotifier notifier = new RecordingNotifier();
        TrainViewModel vm = new TrainViewModel(new SynchronousTaskRunner(), notifier, TrainViewModelTest::tiny, null);
        vm.hyper().set("steps", 3);
        vm.start();
        Path csv = dir.resolve("losses.csv");
        vm.exports().csv(csv);
        var lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("step,loss,loss_recon,loss_gen,loss_caption,loss_align,learning_rate"), lines.get(0));
        assertTrue(lines.size() >= 4);
        assertEquals(1, notifier.infos.size());
    }

    @Test
    void checkpointRoundTripResumesWhereItStopped(@TempDir Path dir) throws Exception {
        RecordingNotifier notifier = new RecordingNotifier();
        TrainViewModel vm = new TrainViewModel(new SynchronousTaskRunner(), notifier, TrainViewModelTest::tiny, null);
        vm.hyper().set("steps", 3);
        vm.start();
        vm.exports().saveCheckpoint(dir.resolve("ckpt"));
        assertTrue(Files.exists(dir.resolve("ckpt").resolve("manifest.json")), notifier.errors.toString());
        TrainViewModel other = new TrainViewModel(new SynchronousTaskRunner(), notifier, TrainViewModelTest::tiny, null);
        other.loadCheckpoint(dir.resolve("ckpt"));
        assertEquals(3, other.monitor().stepProperty().get());
        assertTrue(other.hasModelProperty().get());
        assertEquals(3, other.monitor().lossStreams().get("total").drainAll().size(), "the loaded history is drawn");
        other.loadCheckpoint(dir.resolve("missing"));
        assertTrue(other.problemProperty().get().startsWith("Could not load the checkpoint: No model 'missing'"),
                other.problemProperty().get());
    }

    private static void waitFor(java.util.function.BooleanSupplier c) throws InterruptedException {
        long end = System.currentTimeMillis() + 60_000;
        while (!c.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(20);
        }
    }
}
