package org.reflectlab.ui.aphasia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.aphasia.Ablation;
import org.reflectlab.core.aphasia.AphasiaCache;
import org.reflectlab.core.aphasia.AphasiaModels;
import org.reflectlab.core.aphasia.AphasiaResult;
import org.reflectlab.core.aphasia.AphasiaSettings;
import org.reflectlab.core.aphasia.MemoryExperiment;
import org.reflectlab.core.aphasia.Metric;
import org.reflectlab.core.aphasia.Route;
import org.reflectlab.core.aphasia.SampleOutcome;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.concurrent.SynchronousTaskRunner;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.ui.kit.RecordingNotifier;

/** The Aphasia ViewModel without a toolkit: synchronous runner, the shipped models, a few scenes. */
class AphasiaViewModelTest {

    private static AphasiaModels shipped;

    private final SynchronousTaskRunner runner = new SynchronousTaskRunner();
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final AtomicInteger loads = new AtomicInteger();

    @BeforeAll
    static void load() throws Exception {
        Backend.start(1);
        shipped = AphasiaModels.load(new ModelStore(Path.of("models")), "unified");
    }

    private AphasiaViewModel vm(AphasiaCache cache) {
        Callable<AphasiaModels> loader = () -> {
            loads.incrementAndGet();
            return shipped;
        };
        AphasiaViewModel vm = new AphasiaViewModel(runner, notifier, loader, cache);
        assertTrue(vm.setup().setSamples(24));
        return vm;
    }

    @Test
    void aRunShowsTheResultAndTheSameSettingsComeFromTheCache() {
        AphasiaCache cache = new AphasiaCache();
        AphasiaViewModel vm = vm(cache);
        vm.run();
        assertNotNull(vm.resultProperty().get(), vm.statusProperty().get());
        assertFalse(vm.runningProperty().get());
        assertFalse(vm.fromCacheProperty().get());
        assertTrue(vm.statusProperty().get().contains("ran in"), vm.statusProperty().get());
        assertEquals(24, vm.scenes().browser().size());
        List<SampleOutcome> b = vm.scenes().browser();
        for (int i = 1; i < b.size(); i++) {
            assertTrue(b.get(i - 1).attributeGap() >= b.get(i).attributeGap(), "sorted by gap, most lost first");
        }
        assertSame(b.get(0), vm.scenes().selectedProperty().get());

        // a new workspace on the same model and settings: instant, from the cache, no second run
        AphasiaViewModel again = vm(cache);
        again.run();
        assertTrue(again.fromCacheProperty().get());
        assertSame(vm.resultProperty().get(), again.resultProperty().get());
        assertTrue(again.statusProperty().get().contains("from the cache"), again.statusProperty().get());
        assertEquals(2, loads.get(), "each ViewModel loads its models once");
        assertEquals(1, cache.size());
    }

    @Test
    void reopeningShowsTheCachedResultAtOnceAndOtherwiseWaitsForRun(@TempDir Path dir) {
        AphasiaViewModel fresh = vm(new AphasiaCache(dir));
        fresh.restore();
        assertNull(fresh.resultProperty().get(), "nothing cached yet: nothing runs by itself");
        assertFalse(fresh.runningProperty().get());
        fresh.run();

        AphasiaViewModel reopened = vm(new AphasiaCache(dir)); // a new app session: the memory cache is empty
        reopened.restore();
        assertNotNull(reopened.resultProperty().get());
        assertTrue(reopened.fromCacheProperty().get());
        assertEquals(fresh.resultProperty().get().metrics(), reopened.resultProperty().get().metrics());
        assertEquals(24, reopened.scenes().browser().size());
    }

    private static void assertSortedBy(AphasiaViewModel vm, Metric m) {
        List<SampleOutcome> b = vm.scenes().browser();
        for (int i = 1; i < b.size(); i++) {
            assertTrue(SceneBrowser.sortKey(b.get(i - 1), m) >= SceneBrowser.sortKey(b.get(i), m), "sorted by " + m);
        }
        assertEquals(m, vm.scenes().sortByProperty().get());
    }

    @Test
    void clickingAMetricFiltersTheBrowserToScenesWhereTheRoutesDiffer() {
        AphasiaViewModel vm = vm(new AphasiaCache());
        vm.run();
        vm.scenes().setFilter(Metric.FINE);
        assertFalse(vm.scenes().browser().isEmpty(), "text loses fine position somewhere in 24 scenes");
        for (SampleOutcome o : vm.scenes().browser()) {
            assertTrue(o.gap(Metric.FINE) != 0);
        }
        long differing = vm.resultProperty().get().samples().stream().filter(o -> o.gap(Metric.FINE) != 0).count();
        assertEquals(differing, vm.scenes().browser().size());
        assertTrue(vm.scenes().filterDescription().contains("fine position"), vm.scenes().filterDescription());
        assertSortedBy(vm, Metric.FINE);
        vm.scenes().setFilter(null);
        assertEquals(24, vm.scenes().browser().size());
        assertSortedBy(vm, Metric.FINE); // clearing the filter keeps the chosen sort
        assertTrue(vm.scenes().filterDescription().contains("(fine position gap)"), vm.scenes().filterDescription());
        vm.scenes().setSortBy(Metric.COLOR);
        assertSortedBy(vm, Metric.COLOR);
        vm.scenes().setSortBy(null);
        assertSortedBy(vm, null);
        assertTrue(SceneBrowser.verdict(vm.scenes().browser().get(0), Route.TEXTUAL).contains("judge reads:"));
    }

    @Test
    void outOfRangeSettingsAreRefusedAndKeepTheOldValue() {
        AphasiaViewModel vm = vm(new AphasiaCache());
        assertFalse(vm.setup().setSamples(1));
        assertEquals(24, vm.setup().samplesProperty().get());
        assertTrue(vm.setup().settingsErrorProperty().get().contains("2..5000"));
        assertFalse(vm.setup().setSeed(-3));
        assertEquals(1, vm.setup().seedProperty().get());
        assertTrue(vm.setup().setSeed(7));
        assertEquals("", vm.setup().settingsErrorProperty().get());
    }

    @Test
    void cancelLeavesNoHalfResult() {
        AphasiaViewModel vm = vm(new AphasiaCache());
        runner.cancelNextTask();
        vm.run();
        assertNull(vm.resultProperty().get());
        assertFalse(vm.runningProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Cancelled"), vm.statusProperty().get());
    }

    @Test
    void aMissingModelIsExplainedWithTheCommandThatMakesIt(@TempDir Path empty) {
        AphasiaViewModel vm = new AphasiaViewModel(runner, notifier,
                () -> AphasiaModels.load(new ModelStore(empty), "unified"), new AphasiaCache());
        vm.run();
        assertNull(vm.resultProperty().get());
        assertTrue(vm.problemProperty().get().contains("reflectlab train unified"), vm.problemProperty().get());
        assertEquals(1, notifier.errors.size());
        assertFalse(vm.runningProperty().get());
    }

    @Test
    void variantsAreComparedInTheBackgroundOrTheReasonIsShown(@TempDir Path empty) {
        AphasiaSettings[] asked = new AphasiaSettings[1];
        AphasiaViewModel vm = new AphasiaViewModel(runner, notifier, () -> shipped, (s, l) -> {
            asked[0] = s;
            AphasiaResult r = shipped.run(s, l);
            return List.of(new Ablation.Variant("ablate-base", org.reflectlab.core.text.Phrase.literal("latent 128"), "cmd", r),
                    new Ablation.Variant("ablate-align", org.reflectlab.core.text.Phrase.literal("align 1.0"), "cmd", r));
        }, new AphasiaCache());
        vm.setup().setSamples(6);
        vm.compareVariants();
        assertEquals(6, asked[0].samples());
        assertEquals(2, vm.variants().variantsProperty().get().size());
        assertTrue(vm.variants().experiment().statusProperty().get().startsWith("2 variants on 6 scenes"), vm.variants().experiment().statusProperty().get());
        assertFalse(vm.runningProperty().get());

        ModelStore none = new ModelStore(empty);
        AphasiaViewModel missing = new AphasiaViewModel(runner, notifier, () -> shipped,
                (s, l) -> Ablation.run(none, Ablation.variantNames(none), s, null, l), new AphasiaCache());
        missing.compareVariants();
        assertTrue(missing.variants().experiment().statusProperty().get().contains("reflectlab train unified"), missing.variants().experiment().statusProperty().get());
        assertTrue(missing.variants().variantsProperty().get().isEmpty());
    }

    @Test
    void theMemoryTestRunsInTheBackgroundAndReportsBothGroups() {
        AphasiaViewModel vm = vm(new AphasiaCache());
        vm.memory().run(new MemoryExperiment.Settings(2, 4, 1, 5, 0.05));
        MemoryExperiment.Result r = vm.memory().resultProperty().get();
        assertNotNull(r, vm.memory().experiment().statusProperty().get());
        assertEquals(3, r.imageOnly().posters());
        assertEquals(1, r.captionTrained().posters());
        assertTrue(vm.memory().experiment().statusProperty().get().startsWith("4 posters (1 with captions), 5 steps"), vm.memory().experiment().statusProperty().get());
        assertFalse(vm.runningProperty().get());
    }

    @Test
    void exportsWriteFilesOrSayThereIsNothing(@TempDir Path dir) throws Exception {
        AphasiaViewModel vm = vm(new AphasiaCache());
        vm.exports().csv(dir.resolve("none.csv"));
        assertTrue(notifier.errors.get(0).startsWith("Nothing to export"));
        vm.run();
        vm.exports().csv(dir.resolve("a.csv"));
        vm.exports().samplesCsv(dir.resolve("s.csv"));
        assertTrue(Files.readString(dir.resolve("a.csv")).contains("fidelity,fine,gap,"));
        assertEquals(25, Files.readAllLines(dir.resolve("s.csv")).size());
        assertEquals(2, notifier.infos.size());
    }

    /** Holds submitted tasks until {@link #runAll()}: what is in flight can be looked at. */
    private static final class HeldRunner implements org.reflectlab.core.concurrent.TaskRunner {
        private final List<org.reflectlab.core.concurrent.BackgroundTask<?>> held = new java.util.ArrayList<>();
        private final SynchronousTaskRunner inPlace = new SynchronousTaskRunner();
        private final List<Boolean> cancelled = new java.util.ArrayList<>();

        @Override
        public <V> org.reflectlab.core.concurrent.TaskHandle submit(org.reflectlab.core.concurrent.BackgroundTask<V> task) {
            int index = held.size();
            held.add(task);
            cancelled.add(false);
            return new org.reflectlab.core.concurrent.TaskHandle() {
                @Override
                public void cancel() {
                    cancelled.set(index, true);
                }

                @Override
                public boolean isDone() {
                    return false;
                }
            };
        }

        void runAll() {
            List<org.reflectlab.core.concurrent.BackgroundTask<?>> now = List.copyOf(held);
            held.clear();
            now.forEach(inPlace::submit);
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
    void eachExperimentHasItsOwnBusyFlagAndCancelReachesTheOneThatRuns() {
        HeldRunner held = new HeldRunner();
        AphasiaViewModel vm = new AphasiaViewModel(held, notifier, () -> shipped, (s, l) -> List.of(), new AphasiaCache());
        assertTrue(vm.setup().setSamples(24));
        vm.memory().run(new MemoryExperiment.Settings(2, 4, 1, 5, 0.05));
        assertTrue(vm.memory().experiment().runningProperty().get());
        assertFalse(vm.runningProperty().get(), "the round trip is not blocked by the memory test");
        vm.run();
        vm.compareVariants();
        assertTrue(vm.runningProperty().get());
        assertTrue(vm.variants().experiment().runningProperty().get());
        assertEquals(3, held.held.size(), "three tasks, one per experiment");
        vm.run();
        assertEquals(3, held.held.size(), "a second click on a running experiment starts nothing");
        vm.cancel();
        assertEquals(List.of(true, true, true), held.cancelled, "Cancel reaches every experiment that runs");
        held.runAll();
        assertFalse(vm.runningProperty().get() || vm.memory().experiment().runningProperty().get()
                || vm.variants().experiment().runningProperty().get());
        assertNotNull(vm.resultProperty().get());
        assertNotNull(vm.memory().resultProperty().get());
        assertTrue(vm.variants().experiment().statusProperty().get().startsWith("0 variants on 24 scenes"),
                vm.variants().experiment().statusProperty().get());
    }
}
