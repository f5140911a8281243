package org.reflectlab.ui.reflect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.reflect.Iteration;

/** Reflect's sub-ViewModels on their own, without models: the toolbar's form and the filmstrip's stepping. */
class ReflectPartsTest {

    private static Iteration it(int k) {
        return new Iteration(k, new RgbImage(4, 4), List.of(), List.of(k == 3 ? "correct" : "the circle should be red but it is blue"),
                List.of(), List.of(), false, List.of("wrong"), k * 8.0, 0, 1);
    }

    @Test
    void formValidatesThePromptAndBuildsSettings() {
        ReflectFormViewModel form = new ReflectFormViewModel();
        assertNull(form.promptErrorProperty().get(), "the default prompt parses");
        form.promptProperty().set("a purpel circle");
        assertTrue(form.promptErrorProperty().get().message().contains("did you mean 'purple'"));
        form.promptProperty().set("a red circle");
        assertNull(form.promptErrorProperty().get());
        assertEquals("a red circle", form.caption().text());
        form.kProperty().set(4);
        form.seedProperty().set(7);
        assertEquals(4, form.settings().k());
        assertEquals(7, form.settings().seed());
        form.kProperty().set(0);
        assertThrows(IllegalArgumentException.class, form::settings, "an out-of-range K is refused with a reason");
    }

    @Test
    void stepsStayWithinTheIterationsAndFollowArrivals() {
        IterationsViewModel steps = new IterationsViewModel();
        assertNull(steps.currentProperty().get());
        assertNull(steps.previousOfCurrent());
        steps.next();
        assertEquals(-1, steps.selectedProperty().get(), "nothing to step to");
        steps.arrived(List.of(it(1), it(2)));
        assertEquals(1, steps.selectedProperty().get(), "the newest arrival is shown");
        steps.arrived(List.of(it(3)));
        assertEquals(3, steps.currentProperty().get().k());
        assertTrue(steps.atEnd());
        steps.next();
        assertEquals(2, steps.selectedProperty().get(), "no step past the last");
        steps.previous();
        assertEquals(1, steps.previousOfCurrent().k());
        steps.first();
        steps.previous();
        assertEquals(0, steps.selectedProperty().get(), "no step before the first");
        assertFalse(steps.atEnd());
        steps.select(9);
        assertEquals(0, steps.selectedProperty().get(), "an index out of range is ignored");
        assertFalse(steps.mark(2).disagreement().isEmpty(), "the critic accepts the third image, the judge does not");
        assertTrue(steps.mark(1).disagreement().isEmpty());
        steps.bestOf(List.of(it(1), it(2)), 1);
        assertEquals(2, steps.bestOfK().size());
        assertEquals(1, steps.bestChosenProperty().get());
        assertThrows(UnsupportedOperationException.class, () -> steps.iterations().clear(), "views cannot change the run");
        steps.clear();
        assertTrue(steps.iterations().isEmpty() && steps.bestOfK().isEmpty());
        assertEquals(-1, steps.selectedProperty().get());
        assertEquals(-1, steps.bestChosenProperty().get());
    }
}
