package org.reflectlab.ui.concepts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.concepts.ConceptsModels;
import org.reflectlab.core.concepts.ModalityLosses;
import org.reflectlab.core.concurrent.SynchronousTaskRunner;
import org.reflectlab.core.nn.unified.UnifiedModel;
import org.reflectlab.core.registry.ModelRegistry;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.ui.kit.RecordingNotifier;

/** The Concepts workspace hidden a while gives back the buffers its runs grew in the shared model, and keeps what it shows. */
class ConceptsReleaseTest {

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    @Test
    void releaseDropsTheSharedModelsBuffersAndKeepsResultsAndSettings(@TempDir Path sweeps) throws Exception {
        ModelStore store = new ModelStore(Path.of("models"));
        UnifiedModel shared = ModelRegistry.of(store).unified(); // another workspace holding the shared copy
        ConceptsViewModel vm = new ConceptsViewModel(new SynchronousTaskRunner(), new RecordingNotifier(), new ConceptsModels(store, sweeps));
        vm.seedProperty().set(3);
        vm.runLosses();
        ModalityLosses.Result shown = vm.losses.resultProperty().get();
        assertNotNull(shown);
        String status = vm.losses.statusProperty().get();
        assertTrue(shared.holdsWorkingBuffers(), "the run grew the shared model's working buffers");

        assertTrue(vm.release(), "hidden: the buffers its runs grew go at once");
        assertFalse(shared.holdsWorkingBuffers(), "given back while hidden");
        assertSame(shown, vm.losses.resultProperty().get(), "the result on screen stays");
        assertEquals(status, vm.losses.statusProperty().get());
        assertEquals(3, vm.seedProperty().get());
        assertSame(shared, ModelRegistry.of(store).unifiedIfLoaded(), "the model itself stays for the workspaces holding it");
        shared.imageLatents(java.util.List.of(new org.reflectlab.core.data.RgbImage(32, 32))); // another workspace uses it
        assertFalse(vm.release(), "asked again while hidden: it ran nothing since, so it takes nothing");
        assertTrue(shared.holdsWorkingBuffers(), "the other workspace's buffers are not taken");

        vm.runLosses(); // back: the next run builds the buffers again, same answer
        assertNotSame(shown, vm.losses.resultProperty().get());
        assertEquals(shown.table(), vm.losses.resultProperty().get().table(), "the same losses on rebuilt buffers");
        assertTrue(shared.holdsWorkingBuffers());
    }

    @Test
    void releaseLoadsNothing(@TempDir Path empty) {
        ConceptsViewModel vm = new ConceptsViewModel(new SynchronousTaskRunner(), new RecordingNotifier(),
                new ConceptsModels(new ModelStore(empty), empty));
        assertFalse(vm.release()); // no model in the folder: a load would fail
        assertNull(ModelRegistry.of(new ModelStore(empty)).unifiedIfLoaded());
    }
}
