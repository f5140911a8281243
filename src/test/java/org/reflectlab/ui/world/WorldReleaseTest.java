package org.reflectlab.ui.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.concurrent.SynchronousTaskRunner;
import org.reflectlab.core.world.Comparison;
import org.reflectlab.core.world.ModelKind;
import org.reflectlab.core.world.WorldModels;
import org.reflectlab.ui.kit.RecordingNotifier;

/** The World workspace hidden a while lets go of its models, keeps the rollout and settings, and loads them back on return. */
class WorldReleaseTest {

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    private final SynchronousTaskRunner runner = new SynchronousTaskRunner();
    private final AtomicInteger loads = new AtomicInteger();

    private WorldViewModel vm() {
        return new WorldViewModel(runner, new RecordingNotifier(), () -> {
            loads.incrementAndGet();
            return TestModels.withTinyImplicit();
        });
    }

    @Test
    void releaseKeepsTheRolloutAndReturnLoadsTheModelsWithoutRollingOutAgain() {
        WorldViewModel vm = vm();
        vm.loadModels();
        assertTrue(vm.settings().setSeed(5));
        Comparison shown = vm.comparisonProperty().get();
        WorldModels before = vm.modelsProperty().get();
        String status = vm.statusProperty().get();
        int frame = 17;
        vm.scrubber().seek(frame);
        assertTrue(shown.has(ModelKind.IMPLICIT));

        vm.release(false);
        assertNull(vm.modelsProperty().get(), "the models (the implicit network) are let go while hidden");
        assertTrue(vm.released());
        assertSame(shown, vm.comparisonProperty().get(), "the rollout on screen stays");
        assertEquals(status, vm.statusProperty().get());
        assertEquals(5L, vm.settings().seedProperty().get(), "the settings stay");
        assertEquals(frame, vm.scrubber().frameProperty().get());
        vm.release(false); // hidden still: nothing more to do

        int submitted = runner.submittedTitles().size();
        vm.rebuild();
        assertEquals(List.of("Loading world models"), runner.submittedTitles().subList(submitted, runner.submittedTitles().size()),
                "loaded back as one background task, no rollout");
        assertNotNull(vm.modelsProperty().get());
        assertNotSame(before, vm.modelsProperty().get(), "a fresh load, not a copy kept aside");
        assertFalse(vm.released());
        assertSame(shown, vm.comparisonProperty().get(), "nothing rolled out again");
        assertEquals(2, loads.get());
        vm.rebuild();
        assertEquals(2, loads.get(), "shown again with the models held: nothing loads");

        assertTrue(vm.settings().setSeed(6)); // the commands work on the models loaded back
        assertEquals(6L, vm.comparisonProperty().get().spec().seed());
        assertTrue(vm.comparisonProperty().get().has(ModelKind.IMPLICIT));
    }

    @Test
    void aSettingChangedBeforeTheModelsAreBackIsRolledOutWhenTheyAre() {
        WorldViewModel vm = vm();
        vm.loadModels();
        vm.release(false);
        assertTrue(vm.settings().setSeed(9)); // accepted at once; nothing to roll out with yet
        assertNotEquals(9L, vm.comparisonProperty().get().spec().seed());
        vm.rebuild();
        assertEquals(9L, vm.comparisonProperty().get().spec().seed(), "the rollout follows the settings once the models are back");
    }

    @Test
    void modelsInUseAreKept() {
        WorldViewModel vm = vm();
        vm.loadModels();
        WorldModels held = vm.modelsProperty().get();
        vm.release(true); // live play or a sweep runs
        assertSame(held, vm.modelsProperty().get());
        assertFalse(vm.released());
        vm.rebuild();
        assertEquals(1, loads.get(), "nothing was released, nothing loads");
    }
}
