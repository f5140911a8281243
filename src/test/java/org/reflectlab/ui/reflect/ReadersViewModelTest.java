package org.reflectlab.ui.reflect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.concurrent.SynchronousTaskRunner;
import org.reflectlab.core.reflect.ReaderComparison;
import org.reflectlab.core.reflect.RunDisagreements;
import org.reflectlab.ui.kit.RecordingNotifier;

class ReadersViewModelTest {

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    @Test
    void everyImageOfTheRunIsBrowsableAndTheShownOneFollowsTheSelection() {
        // The critic reads a blue circle every time; the judge only the first time, then a red one.
        ReflectViewModel vm = new ReflectViewModel(new SynchronousTaskRunner(), new RecordingNotifier(), () -> TinyReflector.create(100, 1));
        vm.form().promptProperty().set("a red circle");
        vm.form().samplingStepsProperty().set(2);
        vm.form().kProperty().set(3);
        vm.loadModels();
        ReadersViewModel r = vm.readers();
        assertNull(r.selectedProperty().get());
        assertEquals("Run reflection to see what each reader saw.", r.summaryProperty().get());
        vm.run();
        assertEquals(6, r.shown().size(), "three iterations and best-of-3's three candidates");
        assertEquals("best-of-N #1", r.shown().get(3).source());
        vm.steps().select(1);
        assertSame(vm.steps().currentProperty().get(), r.selectedProperty().get().iteration(), "follows the selected iteration");
        ReaderComparison c = r.comparisonProperty().get();
        assertTrue(c.criticAndJudgeDisagree(), "the critic sees blue, the judge red at iteration 2");
        // (The untrained generator's images hold blobs of their own: the pixel reader's disagreements come on top.)
        assertTrue(c.disagreements().stream().anyMatch(d -> d.describe().startsWith("at center: critic large blue circle, judge large red circle")),
                c.disagreements().toString());
        assertTrue(r.summaryProperty().get().contains("critic and judge differ on"), r.summaryProperty().get());

        r.onlyDisagreementsProperty().set(true);
        assertTrue(r.shown().stream().allMatch(RunDisagreements.Entry::disagrees));
        RunDisagreements.Entry before = r.selectedProperty().get();
        r.nextDisagreement();
        assertTrue(r.selectedProperty().get().disagrees());
        assertFalse(before == r.selectedProperty().get() && r.shown().size() > 1, "moved on");
        r.showJudgeProperty().set(false);
        assertFalse(r.shows(ReaderComparison.JUDGE));
        assertTrue(r.shows(ReaderComparison.PIXELS));
    }
}
