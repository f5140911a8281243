package org.reflectlab.ui.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.concurrent.SynchronousTaskRunner;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.world.ActionScript;
import org.reflectlab.core.world.Comparison;
import org.reflectlab.core.world.ModelKind;
import org.reflectlab.ui.kit.RecordingNotifier;

class WorldViewModelTest {

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    private final SynchronousTaskRunner runner = new SynchronousTaskRunner();
    private final RecordingNotifier notifier = new RecordingNotifier();

    @Test
    void withoutAnImplicitModelTheWorkspaceRunsOnExplicitPhysics(@TempDir Path empty) {
        WorldViewModel vm = WorldViewModel.forStore(runner, notifier, new ModelStore(empty));
        vm.loadModels();
        Comparison c = vm.comparisonProperty().get();
        assertNotNull(c);
        assertTrue(c.has(ModelKind.TRUTH) && c.has(ModelKind.EXPLICIT));
        assertFalse(c.has(ModelKind.IMPLICIT) || c.has(ModelKind.HYBRID));
        assertTrue(vm.modelProblemProperty().get().startsWith("No model 'world-implicit'"), vm.modelProblemProperty().get());
        assertTrue(vm.modelProblemProperty().get().contains("explicit physics only"));
        assertEquals(60, vm.scrubber().lastProperty().get());
        assertFalse(vm.busyProperty().get());
        assertTrue(notifier.errors.isEmpty(), "a missing model is a state, not an error popup");
    }

    @Test
    void outOfRangeSettingsAreRefusedAndKeepTheOldValue() {
        WorldViewModel vm = new WorldViewModel(runner, notifier, TestModels::explicitOnly);
        vm.loadModels();
        Comparison before = vm.comparisonProperty().get();
        assertFalse(vm.settings().setHorizon(601));
        assertEquals("Horizon must be 1..600 frames.", vm.settings().settingsErrorProperty().get());
        assertFalse(vm.settings().setBalls(4));
        assertFalse(vm.settings().setSeed(-1));
        assertFalse(vm.settings().setAlpha(1.5));
        assertFalse(vm.settings().setAlpha(Double.NaN));
        assertEquals(60, vm.settings().horizonProperty().get());
        assertEquals(2, vm.settings().ballsProperty().get());
        assertSame(before, vm.comparisonProperty().get(), "nothing recomputed");
        assertTrue(vm.settings().setHorizon(120));
        assertEquals("", vm.settings().settingsErrorProperty().get());
        assertEquals(120, vm.comparisonProperty().get().horizon());
        assertEquals(120, vm.scrubber().lastProperty().get());
        assertTrue(vm.settings().setBalls(3));
        assertTrue(vm.settings().setScript(ActionScript.SCRIPTED));
        assertEquals(3, vm.comparisonProperty().get().spec().balls());
        assertEquals(ActionScript.SCRIPTED, vm.comparisonProperty().get().spec().script());
    }

    @Test
    void alphaReblendsOnlyTheHybrid() {
        WorldViewModel vm = new WorldViewModel(runner, notifier, TestModels::withTinyImplicit);
        vm.loadModels();
        Comparison before = vm.comparisonProperty().get();
        assertTrue(before.has(ModelKind.HYBRID));
        assertEquals("", vm.modelProblemProperty().get());
        assertTrue(vm.settings().setAlpha(0.2));
        Comparison after = vm.comparisonProperty().get();
        assertEquals(0.2, after.alpha());
        assertSame(before.frame(ModelKind.IMPLICIT, 5), after.frame(ModelKind.IMPLICIT, 5), "the implicit model did not run again");
        assertNotEquals(before.metrics().get(ModelKind.HYBRID).meanError(), after.metrics().get(ModelKind.HYBRID).meanError());
        assertTrue(vm.settings().setAlpha(1.0));
        assertEquals(vm.comparisonProperty().get().metrics().get(ModelKind.EXPLICIT).meanError(),
                vm.comparisonProperty().get().metrics().get(ModelKind.HYBRID).meanError(), 1e-9, "alpha 1 is pure physics");
    }

    @Test
    void aCancelledRolloutKeepsThePreviousOne() {
        WorldViewModel vm = new WorldViewModel(runner, notifier, TestModels::explicitOnly);
        vm.loadModels();
        Comparison before = vm.comparisonProperty().get();
        runner.cancelNextTask();
        vm.settings().setSeed(5);
        assertSame(before, vm.comparisonProperty().get());
        assertFalse(vm.busyProperty().get());
        vm.recompute();
        assertEquals(5, vm.comparisonProperty().get().spec().seed());
    }

    @Test
    void aFailingLoaderIsReportedAndLosesNothing() {
        WorldViewModel vm = new WorldViewModel(runner, notifier, () -> {
            throw new IllegalStateException("native library missing");
        });
        vm.loadModels();
        assertNull(vm.comparisonProperty().get());
        assertEquals("Could not load the world models: native library missing", vm.modelProblemProperty().get());
        assertEquals(1, notifier.errors.size());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void exportsWriteAPngStripAndCsv(@TempDir Path dir) throws Exception {
        WorldViewModel vm = new WorldViewModel(runner, notifier, TestModels::explicitOnly);
        vm.exportCsv(dir.resolve("none.csv"));
        assertEquals(1, notifier.errors.size(), "nothing to export before a rollout");
        vm.loadModels();
        vm.exportStrip(dir.resolve("strip.png"));
        vm.exportCsv(dir.resolve("metrics.csv"));
        assertTrue(Files.size(dir.resolve("strip.png")) > 100);
        var lines = Files.readAllLines(dir.resolve("metrics.csv"));
        assertTrue(lines.get(1).startsWith("step,error_truth,error_explicit,diff_truth"), lines.get(1));
        assertEquals(2 + 60, lines.size());
        assertEquals(2, notifier.infos.size());
    }
}
