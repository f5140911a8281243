package org.reflectlab.core.aphasia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.data.Cell;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.Scene;
import org.reflectlab.core.data.SceneObject;
import org.reflectlab.core.data.SceneRenderer;
import org.reflectlab.core.data.Shape;
import org.reflectlab.core.data.ShapeColor;
import org.reflectlab.core.data.Size;

/** Fidelity and attribute agreement on hand-made image pairs. */
class FidelityTest {

    private static final SceneObject BASE = new SceneObject(Shape.SQUARE, ShapeColor.RED, Size.SMALL, new Cell(1, 1), 0, 0, 0, 0);
    private static final Scene TRUTH = Scene.of(BASE);
    private static final RgbImage ORIGINAL = SceneRenderer.render(TRUTH, 32);
    /** The same object moved 0.2 cells (2.1 px) right: same caption, different pixels. */
    private static final RgbImage SHIFTED = SceneRenderer.render(Scene.of(
            new SceneObject(Shape.SQUARE, ShapeColor.RED, Size.SMALL, new Cell(1, 1), 0.2, 0, 0, 0)), 32);
    private static final RgbImage RECOLORED = SceneRenderer.render(Scene.of(BASE.withColor(ShapeColor.BLUE)), 32);

    @Test
    void identicalBeatsShiftedBeatsRecolored() {
        double same = Fidelity.similarity(ORIGINAL, ORIGINAL.copy());
        double shifted = Fidelity.similarity(ORIGINAL, SHIFTED);
        double recolored = Fidelity.similarity(ORIGINAL, RECOLORED);
        assertEquals(1.0, same, 1e-12);
        assertTrue(shifted < same && recolored < shifted, same + " > " + shifted + " > " + recolored);
        assertEquals(100.0, Fidelity.psnr(ORIGINAL, ORIGINAL), 1e-9);
        double psnrShifted = Fidelity.psnr(ORIGINAL, SHIFTED);
        double psnrRecolored = Fidelity.psnr(ORIGINAL, RECOLORED);
        assertTrue(psnrShifted < 100 && psnrRecolored < psnrShifted, psnrShifted + " > " + psnrRecolored);
    }

    @Test
    void outOfRangeDecoderOutputIsClampedNotRewarded() {
        RgbImage over = ORIGINAL.copy();
        for (int i = 0; i < over.data().length; i++) {
            over.data()[i] = ORIGINAL.data()[i] > 0.5f ? 1.7f : ORIGINAL.data()[i];
        }
        // values above 1 are read as 1, as a display would show them
        assertTrue(Fidelity.similarity(ORIGINAL, over) > 0.99);
        assertThrows(IllegalArgumentException.class, () -> Fidelity.similarity(ORIGINAL, new RgbImage(16, 16)));
    }

    @Test
    void attributesSeparateWhatChanged() {
        List<SceneObject> judgedRight = List.of(SceneObject.plain(Shape.SQUARE, ShapeColor.RED, Size.SMALL, new Cell(1, 1)));
        double[] same = AttributeAgreement.score(TRUTH, ORIGINAL, ORIGINAL, judgedRight);
        double[] shifted = AttributeAgreement.score(TRUTH, ORIGINAL, SHIFTED, judgedRight);
        for (Metric m : Metric.values()) {
            assertEquals(1.0, same[m.ordinal()], 1e-12, m + " of the original itself");
        }
        // a 2 px shift keeps every captionable attribute but loses the fine position
        assertEquals(0.0, shifted[Metric.FINE.ordinal()]);
        assertEquals(1.0, shifted[Metric.POSITION.ordinal()]);

        List<SceneObject> judgedBlue = List.of(SceneObject.plain(Shape.SQUARE, ShapeColor.BLUE, Size.SMALL, new Cell(1, 1)));
        double[] recolored = AttributeAgreement.score(TRUTH, ORIGINAL, RECOLORED, judgedBlue);
        assertEquals(0.0, recolored[Metric.COLOR.ordinal()]);
        assertEquals(1.0, recolored[Metric.SHAPE.ordinal()]);
        assertEquals(1.0, recolored[Metric.FINE.ordinal()], "recoloring does not move the centroid");
    }

    @Test
    void strayAndMissingObjectsCostPositionAndCount() {
        List<SceneObject> withStray = List.of(SceneObject.plain(Shape.SQUARE, ShapeColor.RED, Size.SMALL, new Cell(1, 1)),
                SceneObject.plain(Shape.CIRCLE, ShapeColor.GREEN, Size.LARGE, new Cell(0, 0)));
        double[] s = AttributeAgreement.score(TRUTH, ORIGINAL, ORIGINAL, withStray);
        assertEquals(0.5, s[Metric.POSITION.ordinal()], 1e-12);
        assertEquals(0.0, s[Metric.COUNT.ordinal()]);
        assertEquals(1.0, s[Metric.SHAPE.ordinal()]);
        double[] none = AttributeAgreement.score(TRUTH, ORIGINAL, RoundTrip.blank(32), List.of());
        for (Metric m : Metric.values()) {
            if (m.isAttribute()) {
                assertEquals(0.0, none[m.ordinal()], m + " of an empty canvas");
            }
        }
    }
}
