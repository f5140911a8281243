package org.reflectlab.ui.reflect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.concurrent.SynchronousTaskRunner;
import org.reflectlab.core.reflect.CriticPresets;
import org.reflectlab.core.reflect.ReflectSettings;
import org.reflectlab.ui.kit.RecordingNotifier;

class CriticViewModelTest {

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    private static ReflectViewModel ran() {
        ReflectViewModel vm = new ReflectViewModel(new SynchronousTaskRunner(), new RecordingNotifier(), () -> TinyReflector.create(100));
        vm.form().promptProperty().set("a red circle");
        vm.form().samplingStepsProperty().set(2);
        vm.form().kProperty().set(3);
        vm.form().compareProperty().set(false);
        vm.loadModels();
        vm.run();
        return vm;
    }

    @Test
    void presetsFillTheBoxAndOwnWordsAreCheckedWithASuggestion() {
        ReflectViewModel vm = ran();
        CriticViewModel c = vm.critic();
        vm.steps().select(0);
        assertEquals(CriticPresets.Preset.CRITIC, c.presetProperty().get());
        assertEquals("the circle should be red but it is blue", c.wordsProperty().get());
        assertTrue(c.readsProperty().get().startsWith("The generator reads: the circle should be red"), c.readsProperty().get());
        c.applyPreset(CriticPresets.Preset.WRONG);
        assertEquals("the circle should be orange but it is red", c.wordsProperty().get());
        c.applyPreset(CriticPresets.Preset.NONE);
        assertEquals("", c.wordsProperty().get());
        assertTrue(c.readsProperty().get().contains("no feedback"));

        c.wordsProperty().set("the circle should be bleu");
        assertNull(c.presetProperty().get(), "typing leaves the preset");
        assertNotNull(c.errorProperty().get());
        assertFalse(c.canRerunProperty().get(), "bad words cannot run");
        c.applySuggestion();
        assertEquals("the circle should be blue", c.wordsProperty().get());
        assertNull(c.errorProperty().get());
        assertTrue(c.canRerunProperty().get());
    }

    @Test
    void rerunFromAnIterationKeepsThePrefixAndShowsWhatWasRead() {
        ReflectViewModel vm = ran();
        CriticViewModel c = vm.critic();
        vm.steps().select(0);
        c.wordsProperty().set("the circle should be small but it is large");
        c.rerun();
        assertEquals(2, c.rerunIterations().size(), "iterations 2 and 3 drawn again");
        assertEquals(2, c.rerunIterations().get(0).k());
        CriticViewModel.Edited r = c.resultProperty().get();
        assertEquals(1, r.at());
        assertEquals("#1: the circle should be small but it is large", r.readBy(c.rerunIterations().get(0)).get(0).describe());
        assertTrue(c.statusProperty().get().startsWith("With your feedback at iteration 1: the judge accepts none of the 2"),
                c.statusProperty().get());
        assertTrue(vm.canRunProperty().get(), "the models are free again");

        c.applyPreset(CriticPresets.Preset.NONE);
        c.rerun();
        assertEquals("#1: (feedback masked: no words)", c.resultProperty().get().readBy(c.rerunIterations().get(0)).get(0).describe());
        c.applyPreset(CriticPresets.Preset.OTHER_PROMPT);
        c.rerun();
        assertEquals(ReflectSettings.Ablation.SHUFFLED_FEEDBACK, c.resultProperty().get().edit().ablation());
    }

    @Test
    void oneBudgetBuysBothMethodsAndRunsThem() {
        ReflectViewModel vm = ran();
        BudgetViewModel b = vm.budget();
        double[] bounds = b.boundsProperty().get();
        assertNotNull(bounds, "bounds once the models are loaded");
        assertEquals(BudgetViewModel.MAX_IMAGES * bounds[0], bounds[1], 1e-9);
        assertEquals(5 * bounds[0], b.budgetProperty().get(), 1e-9, "opens on five images' worth");
        assertTrue(b.buysProperty().get().contains("best-of-5"), b.buysProperty().get());
        vm.form().samplingStepsProperty().set(4);
        assertTrue(b.boundsProperty().get()[0] > bounds[0], "more steps, dearer images");
        b.budgetProperty().set(b.boundsProperty().get()[0] * 3);
        assertTrue(b.buysProperty().get().contains("best-of-3"), b.buysProperty().get());
        b.run();
        var r = b.resultProperty().get();
        assertEquals(3, r.bestOfN().candidates().size());
        assertTrue(r.reflection().nfe() <= b.budgetProperty().get() + 1e-9);
        assertTrue(b.statusProperty().get().startsWith("At "), b.statusProperty().get());
        assertTrue(vm.canRunProperty().get());
        vm.form().promptProperty().set("five circles");
        assertFalse(b.canRunProperty().get(), "no run on a bad prompt");
    }
}
