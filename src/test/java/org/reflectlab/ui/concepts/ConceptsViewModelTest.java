package org.reflectlab.ui.concepts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.concepts.AttentionMaps;
import org.reflectlab.core.concepts.ConceptsModels;
import org.reflectlab.core.concurrent.SynchronousTaskRunner;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.ui.kit.RecordingNotifier;

/** The Concepts ViewModel with a synchronous runner and the shipped unified model: no toolkit. */
class ConceptsViewModelTest {

    private final RecordingNotifier notifier = new RecordingNotifier();

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    private ConceptsViewModel vm(Path sweeps) {
        return new ConceptsViewModel(new SynchronousTaskRunner(), notifier, new ConceptsModels(new ModelStore(Path.of("models")), sweeps));
    }

    @Test
    void tokensRunAndTheResultIsKept(@TempDir Path dir) {
        ConceptsViewModel vm = vm(dir);
        assertNull(vm.tokens.resultProperty().get());
        vm.runTokens();
        assertNotNull(vm.tokens.resultProperty().get());
        assertFalse(vm.tokens.runningProperty().get());
        assertTrue(vm.tokens.statusProperty().get().startsWith("Done"), vm.tokens.statusProperty().get());
    }

    @Test
    void attentionSelectionFollowsEncoderLayerAndHead(@TempDir Path dir) {
        ConceptsViewModel vm = vm(dir);
        vm.captionProperty().set("a red circle left of a blue square");
        vm.runAttention();
        AttentionMaps.Map full = vm.fullMapProperty().get();
        AttentionMaps.Map causal = vm.causalMapProperty().get();
        assertEquals("text", full.encoder());
        assertEquals(AttentionMaps.Mask.CAUSAL, causal.mask());
        assertEquals(full.t(), causal.t());
        assertEquals(0f, causal.maxAboveDiagonal());
        vm.encoderProperty().set("image");
        vm.layerProperty().set(1);
        vm.headProperty().set(2);
        AttentionMaps.Map img = vm.fullMapProperty().get();
        assertEquals("image", img.encoder());
        assertEquals(1, img.layer());
        assertEquals(2, img.head());
        assertEquals(64, img.t());
        vm.layerProperty().set(99); // out of range: clamped to the last layer, never an exception
        assertEquals(img.layer(), vm.fullMapProperty().get().layer());
    }

    @Test
    void aBadCaptionIsRefusedWithAMessageAndNothingRuns(@TempDir Path dir) {
        ConceptsViewModel vm = vm(dir);
        vm.captionProperty().set("a red zebra");
        assertFalse(vm.captionErrorProperty().get().isEmpty());
        vm.runAttention();
        assertNull(vm.attention.resultProperty().get());
        assertEquals(1, notifier.errors.size());
    }

    @Test
    void derivationWithoutAStoredSweepSaysWhatToRun(@TempDir Path dir) {
        ConceptsViewModel vm = vm(dir);
        vm.runDerivation();
        assertNull(vm.derivation.resultProperty().get());
        assertTrue(vm.derivation.statusProperty().get().contains("sweep"), vm.derivation.statusProperty().get());
        assertTrue(notifier.errors.get(0).contains("No stored sweep"));
    }
}
