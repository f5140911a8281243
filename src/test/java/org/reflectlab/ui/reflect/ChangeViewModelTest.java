package org.reflectlab.ui.reflect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.data.Cell;
import org.reflectlab.core.data.Size;
import org.reflectlab.core.data.ShapeColor;
import org.reflectlab.core.data.Shape;
import org.reflectlab.core.data.SceneObject;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.reflect.Feedback;
import org.reflectlab.core.reflect.Iteration;
import org.reflectlab.core.reflect.Reflector;
import org.reflectlab.ui.reflect.IterationMark.Transition;

/** The change mask, fix/break marks and the change notes, on hand-built iterations: no toolkit, no models. */
class ChangeViewModelTest {

    private static final String BLUE = "the circle should be red but it is blue";

    /** One place that knows Iteration's shape, so a new field there changes one line here. */
    private static Iteration iteration(int k, RgbImage image, boolean criticOk, boolean judgeOk) {
        List<Integer> context = new ArrayList<>();
        for (int i = Math.max(1, k - 3); i < k; i++) {
            context.add(i);
        }
        return withContext(k, image, criticOk, judgeOk, context);
    }

    private static Iteration withContext(int k, RgbImage image, boolean criticOk, boolean judgeOk, List<Integer> context) {
        List<String> feedback = criticOk ? List.of(Feedback.CORRECT) : List.of(BLUE);
        return new Iteration(k, image, List.of(), feedback, List.copyOf(context), List.of(), judgeOk,
                judgeOk ? List.of(Feedback.CORRECT) : List.of(BLUE), k, 0, 1);
    }

    /** A 4x4 image of one grey level. */
    private static RgbImage grey(float v) {
        RgbImage img = new RgbImage(4, 4);
        java.util.Arrays.fill(img.data(), v);
        return img;
    }

    @Test
    void aPixelChangesWhenItsMeanRgbDifferenceExceedsTheThreshold() {
        RgbImage before = grey(0.2f);
        RgbImage after = before.copy();
        after.set(0, 0, 0, 0.7f);                  // red only, +0.5: mean over RGB 0.167, changed
        after.set(0, 0, 1, 0.4f);                  // red only, +0.2: mean 0.067, not changed
        for (int c = 0; c < 3; c++) {
            after.set(c, 3, 2, 0.4f);              // all channels +0.2: mean 0.2, changed
        }
        ChangeMask m = ChangeMask.between(before, after, ChangeMask.THRESHOLD);
        assertTrue(m.changed(0, 0));
        assertFalse(m.changed(1, 0), "a small change in one channel stays under the threshold");
        assertTrue(m.changed(2, 3), "x is the column, y the row");
        assertFalse(m.changed(3, 2));
        assertEquals(2, m.count());
        assertEquals(2 / 16.0, m.fraction(), 1e-9);
        assertEquals(Reflector.meanAbsDiff(before, after), m.meanChange(), 1e-6, "the same mean as Iteration.change");
        assertFalse(m.changed(-1, 0) || m.changed(4, 0) || m.changed(0, 4), "outside the image nothing changed");
        assertEquals(0, ChangeMask.between(before, before.copy(), ChangeMask.THRESHOLD).count());
        assertThrows(IllegalArgumentException.class, () -> ChangeMask.between(before, new RgbImage(5, 4), 0.1f));
    }

    @Test
    void fixesAndBreaksFollowTheJudgeFromOneIterationToTheNext() {
        boolean[] judge = {false, false, true, true, false, true};
        List<Iteration> its = new ArrayList<>();
        for (int i = 0; i < judge.length; i++) {
            its.add(iteration(i + 1, grey(0.1f * i), false, judge[i]));
        }
        List<Transition> marks = new ArrayList<>();
        for (int i = 0; i < its.size(); i++) {
            marks.add(IterationMark.of(its, i).transition());
        }
        assertEquals(List.of(Transition.NONE, Transition.NONE, Transition.FIX, Transition.NONE, Transition.BREAK,
                Transition.FIX), marks);
        assertTrue(IterationMark.of(its, 0).explanation().contains("first"), "the first iteration has no mark");
        assertEquals("Fix: the judge found iteration 2 wrong and finds iteration 3 correct.", IterationMark.of(its, 2).explanation());
        assertTrue(IterationMark.of(its, 4).explanation().startsWith("Break: the judge found iteration 4 correct but finds iteration 5 wrong"));
        assertTrue(IterationMark.of(its, 3).explanation().contains("still correct"));
    }

    @Test
    void criticAndJudgeDisagreementIsSpelledOutBothWays() {
        RgbImage img = grey(0.5f);
        assertEquals("the critic accepts this image; the judge does not",
                IterationMark.of(List.of(iteration(1, img, true, false)), 0).disagreement());
        assertEquals("the judge accepts this image; the critic does not",
                IterationMark.of(List.of(iteration(1, img, false, true)), 0).disagreement());
        assertEquals("", IterationMark.of(List.of(iteration(1, img, true, true)), 0).disagreement());
        assertEquals("", IterationMark.of(List.of(iteration(1, img, false, false)), 0).disagreement());
    }

    @Test
    void aDisagreementSaysWhatEachOneSees() {
        SceneObject green = SceneObject.plain(Shape.CIRCLE, ShapeColor.GREEN, Size.SMALL, new Cell(0, 0));
        SceneObject blue = SceneObject.plain(Shape.SQUARE, ShapeColor.BLUE, Size.LARGE, new Cell(2, 2));
        assertEquals("the critic sees a small green circle at top left; the judge sees none",
                IterationMark.readings(List.of(green, blue), List.of(blue)));
        assertEquals("the judge sees a small green circle at top left; the critic sees none of them",
                IterationMark.readings(List.of(blue), List.of(blue, green)));
        assertEquals("the critic sees a small green circle at top left; the judge sees a large green circle at top left instead",
                IterationMark.readings(List.of(green), List.of(green.withSize(Size.LARGE))));
    }

    @Test
    void notesFollowTheSelection() {
        RgbImage first = grey(0.2f);
        RgbImage second = first.copy();
        for (int c = 0; c < 3; c++) {
            for (int x = 0; x < 4; x++) {
                second.set(c, 0, x, 0.8f);          // the top row of four pixels: a quarter of the image
            }
        }
        ObservableList<Iteration> its = FXCollections.observableArrayList(
                iteration(1, first, false, false), iteration(2, second, true, false), iteration(3, second, false, true));
        ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(-1);
        ChangeViewModel vm = new ChangeViewModel(its, selected.getReadOnlyProperty());
        assertNull(vm.maskProperty().get());
        assertEquals("", vm.summaryProperty().get());
        assertNull(vm.markProperty().get());

        selected.set(0);
        assertNull(vm.maskProperty().get(), "nothing before the first iteration");
        assertEquals("", vm.answeringProperty().get());
        assertTrue(vm.summaryProperty().get().startsWith("the first iteration"));

        selected.set(1);
        assertNotNull(vm.maskProperty().get());
        assertEquals("changed 25% of pixels since iteration 1 (mean change 0.150)", vm.summaryProperty().get());
        assertEquals("answering: " + BLUE, vm.answeringProperty().get());
        assertEquals("the critic accepts this image; the judge does not", vm.markProperty().get().disagreement());
        assertFalse(vm.showChangesProperty().get(), "off by default");
        assertNull(vm.overlayProperty().get());
        vm.toggleShowChanges();
        assertNotNull(vm.overlayProperty().get());
        vm.toggleShowChanges();
        assertNull(vm.overlayProperty().get(), "hidden, not forgotten");
        assertNotNull(vm.maskProperty().get());
        vm.toggleShowChanges();
        assertNotNull(vm.overlayProperty().get());

        selected.set(2);
        assertEquals("changed 0% of pixels since iteration 2 (mean change 0.000)", vm.summaryProperty().get());
        assertEquals("answering nothing: the critic accepted iteration 2", vm.answeringProperty().get());
        assertEquals(Transition.FIX, vm.markProperty().get().transition());

        its.clear();
        assertNull(vm.maskProperty().get(), "a new run clears the notes");
        assertEquals("", vm.answeringProperty().get());
    }

    @Test
    void aPreviousIterationOutOfContextIsNotCalledAnswered() {
        ObservableList<Iteration> its = FXCollections.observableArrayList(
                iteration(1, grey(0.2f), false, false), withContext(2, grey(0.2f), false, false, List.of()));
        ChangeViewModel vm = new ChangeViewModel(its, new ReadOnlyIntegerWrapper(1).getReadOnlyProperty());
        assertEquals("iteration 1 was not in context, so this one did not read its feedback", vm.answeringProperty().get());
    }

    @Test
    void theOverlayTintsChangedPixelsAndOutlinesTheirEdges() {
        RgbImage before = grey(0.2f);
        RgbImage after = before.copy();
        for (int c = 0; c < 3; c++) {
            after.set(c, 1, 1, 0.9f);
            after.set(c, 1, 2, 0.9f);              // two changed pixels side by side
        }
        int scale = 6;
        int[] px = ChangeOverlay.pixels(ChangeMask.between(before, after, ChangeMask.THRESHOLD), scale);
        int w = 4 * scale;
        assertEquals(0, px[0], "unchanged pixels stay transparent");
        assertEquals(ChangeOverlay.EDGE, px[(scale + 3) * w + scale], "the left edge of the region");
        assertEquals(ChangeOverlay.TINT, px[(scale + 3) * w + scale + 3], "inside the first pixel");
        assertEquals(0, ChangeOverlay.TINT >>> 24, "the inside is transparent: an outline, no fill over the objects");
        assertEquals(ChangeOverlay.TINT, px[(scale + 3) * w + 2 * scale - 1], "no edge between two changed pixels");
        assertEquals(ChangeOverlay.EDGE, px[(scale + 3) * w + 3 * scale - 1], "the right edge of the region");
    }
}
