package org.reflectlab.ui.aphasia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.aphasia.AphasiaCache;
import org.reflectlab.core.aphasia.AphasiaModels;
import org.reflectlab.core.aphasia.AphasiaResult;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.concurrent.SynchronousTaskRunner;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.ui.kit.RecordingNotifier;

/** The Aphasia workspace hidden a while drops its models, keeps its result, and loads the models again at the next run. */
class AphasiaReleaseTest {

    private static AphasiaModels shipped;

    @BeforeAll
    static void load() throws Exception {
        Backend.start(1);
        shipped = AphasiaModels.load(new ModelStore(Path.of("models")), "unified");
    }

    @Test
    void releaseDropsTheModelsKeepsTheResultAndTheNextRunLoadsThemAgain() {
        AtomicInteger loads = new AtomicInteger();
        AphasiaViewModel vm = new AphasiaViewModel(new SynchronousTaskRunner(), new RecordingNotifier(), () -> {
            loads.incrementAndGet();
            return shipped;
        }, new AphasiaCache());
        assertTrue(vm.setup().setSamples(24));
        vm.run();
        AphasiaResult shown = vm.resultProperty().get();
        assertNotNull(shown, vm.statusProperty().get());
        assertTrue(vm.modelsLoaded());

        vm.releaseModels();
        assertFalse(vm.modelsLoaded(), "the models are dropped while hidden");
        assertSame(shown, vm.resultProperty().get(), "what the workspace showed stays");
        assertEquals(24, vm.scenes().browser().size());
        assertEquals(1, loads.get());

        vm.run(); // same settings: from the cache, but the models are needed to know the model's checksum
        assertTrue(vm.modelsLoaded(), "rebuilt at the next use");
        assertEquals(2, loads.get());
        assertEquals(shown.modelSha(), vm.resultProperty().get().modelSha(), "the same models, loaded again");
        assertEquals(shown.samples().size(), vm.resultProperty().get().samples().size());
    }

    @Test
    void theWorkspaceRunsOnTheAppsSharedCopyAndReleaseGivesBackItsBuffersNotTheModel() throws Exception {
        ModelStore store = new ModelStore(Path.of("models"));
        AphasiaModels a = AphasiaModels.shared(store);
        assertSame(org.reflectlab.core.registry.ModelRegistry.of(store).unified(), a.unified(),
                "one copy: the registry's, which Reflect, Scaling and Concepts read too");
        assertEquals(shipped.sha256(), a.sha256(), "the same weights the cache is keyed by");
        AphasiaViewModel vm = new AphasiaViewModel(new SynchronousTaskRunner(), new RecordingNotifier(), () -> a, new AphasiaCache());
        assertTrue(vm.setup().setSamples(24));
        vm.run();
        assertNotNull(vm.resultProperty().get(), vm.statusProperty().get());
        assertTrue(a.unified().holdsWorkingBuffers(), "the run used the fast path");
        java.util.List<org.reflectlab.core.data.RgbImage> probe = java.util.List.of(vm.scenes().browser().get(0).original());
        float[] before = a.unified().imageLatents(probe).dup().data().asFloat();

        vm.releaseModels();
        assertFalse(vm.modelsLoaded());
        assertFalse(a.unified().holdsWorkingBuffers(), "the batch-sized buffers go with the release");
        float[] after = a.unified().imageLatents(probe).dup().data().asFloat();
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, after, "the model itself stays, and answers the same");
        assertTrue(a.unified().holdsWorkingBuffers(), "built again at the next use");
    }

    @Test
    void hidingTrimsTheBatchBuffersAtOnceKeepsModelsAndResultAndTakesNothingFromOthers() throws Exception {
        ModelStore store = new ModelStore(Path.of("models"));
        AphasiaModels a = AphasiaModels.shared(store);
        AtomicInteger loads = new AtomicInteger();
        AphasiaViewModel vm = new AphasiaViewModel(new SynchronousTaskRunner(), new RecordingNotifier(), () -> {
            loads.incrementAndGet();
            return a;
        }, new AphasiaCache());
        assertTrue(vm.setup().setSamples(24));
        vm.run();
        AphasiaResult shown = vm.resultProperty().get();
        assertNotNull(shown, vm.statusProperty().get());
        assertTrue(a.unified().holdsWorkingBuffers());

        assertTrue(vm.trimBuffers(), "hidden: the buffers its batches grew go at once");
        assertFalse(a.unified().holdsWorkingBuffers());
        assertTrue(vm.modelsLoaded(), "the models stay (they go after the release's delay)");
        assertSame(shown, vm.resultProperty().get(), "what the workspace showed stays");

        a.unified().imageLatents(java.util.List.of(vm.scenes().browser().get(0).original())); // another workspace uses the model
        assertFalse(vm.trimBuffers(), "asked again while hidden: nothing of its own to give back");
        assertTrue(a.unified().holdsWorkingBuffers(), "the other workspace's buffers are not taken");

        assertTrue(vm.setup().setSamples(30));
        vm.run(); // back, and run again: the buffers grow again, the models were not loaded again
        assertEquals(30, vm.resultProperty().get().samples().size(), vm.statusProperty().get());
        assertEquals(1, loads.get());
        assertTrue(vm.trimBuffers(), "a new run's buffers go at the next hiding");
    }
}
