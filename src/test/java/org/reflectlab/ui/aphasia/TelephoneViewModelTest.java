package org.reflectlab.ui.aphasia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.aphasia.AphasiaCache;
import org.reflectlab.core.aphasia.AphasiaModels;
import org.reflectlab.core.aphasia.Metric;
import org.reflectlab.core.aphasia.Telephone;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.concurrent.SynchronousTaskRunner;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.ui.kit.RecordingNotifier;

/** Telephone's ViewModel without a toolkit: the shipped models, a few scenes, a synchronous runner. */
class TelephoneViewModelTest {

    private static AphasiaModels shipped;
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final AtomicInteger loads = new AtomicInteger();

    @BeforeAll
    static void load() throws Exception {
        Backend.start(1);
        shipped = AphasiaModels.load(new ModelStore(Path.of("models")), "unified");
    }

    private AphasiaViewModel workspace() {
        return new AphasiaViewModel(new SynchronousTaskRunner(), notifier, () -> {
            loads.incrementAndGet();
            return shipped;
        }, new AphasiaCache());
    }

    @Test
    void aRunGivesACurvePerAttributeAndChainsToStepThrough() {
        AphasiaViewModel w = workspace();
        TelephoneViewModel vm = w.telephone();
        assertNull(vm.currentChain());
        assertEquals(0, vm.curve(Metric.FINE)[0].length);
        assertTrue(vm.setScenes(12));
        assertTrue(vm.setRounds(3));
        w.runTelephone();
        Telephone.Result r = vm.resultProperty().get();
        assertNotNull(r, vm.experiment().statusProperty().get());
        assertFalse(vm.experiment().runningProperty().get());
        assertEquals(12, r.settings().scenes());
        assertEquals(3, r.settings().rounds());
        assertTrue(vm.experiment().statusProperty().get().contains("12 scenes x 3 rounds"), vm.experiment().statusProperty().get());

        double[][] words = vm.curve(Metric.FINE);
        assertEquals(4, words[0].length);
        for (int i = 0; i < 4; i++) {
            assertTrue(words[1][i] <= words[0][i] && words[0][i] <= words[2][i]);
        }
        assertTrue(words[0][1] < words[0][0], "words lose fine position in the first round");
        vm.setPath(Telephone.Path.LATENT);
        double[][] latent = vm.curve(Metric.FINE);
        assertTrue(latent[0][1] > words[0][1], "the latent keeps more fine position after one round");
        assertTrue(vm.lossOrder().startsWith("Lost through the image latent, first to last: "), vm.lossOrder());

        assertEquals(0, vm.chainProperty().get());
        vm.previousChain();
        assertEquals(11, vm.chainProperty().get(), "wraps around");
        vm.nextChain();
        assertEquals(0, vm.chainProperty().get());
        Telephone.Chain c = vm.currentChain();
        assertEquals(4, c.words().size());
        assertEquals("the original", TelephoneViewModel.lostLine(c.words().get(0), 0));
        Telephone.Frame f = c.words().get(1);
        assertEquals(f.lost().isEmpty() ? "nothing lost" : "lost: " + String.join("; ", f.lost()), TelephoneViewModel.lostLine(f, 1));

        // the round trip then uses the same loaded models
        w.run();
        assertEquals(1, loads.get());
        assertTrue(notifier.errors.isEmpty(), notifier.errors.toString());
    }

    @Test
    void outOfRangeSettingsAreRefusedAndKeepTheOldValue() {
        TelephoneViewModel vm = workspace().telephone();
        assertFalse(vm.setRounds(0));
        assertFalse(vm.setRounds(Telephone.MAX_ROUNDS + 1));
        assertEquals(5, vm.roundsProperty().get());
        assertTrue(vm.settingsErrorProperty().get().contains("1.." + Telephone.MAX_ROUNDS));
        assertFalse(vm.setScenes(1));
        assertEquals(100, vm.scenesProperty().get());
        assertTrue(vm.setScenes(40));
        assertEquals("", vm.settingsErrorProperty().get());
    }
}
