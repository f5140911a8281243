package org.reflectlab.core.reflect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.data.Cell;
import org.reflectlab.core.data.PixelSceneReader;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.Scene;
import org.reflectlab.core.data.SceneObject;
import org.reflectlab.core.data.SceneRenderer;
import org.reflectlab.core.data.Shape;
import org.reflectlab.core.data.ShapeColor;
import org.reflectlab.core.data.Size;

/** Readers of a true render agree; each kind of difference is listed at its cell; boxes sit on the objects. */
class ReaderComparisonTest {

    private static final SceneObject RED = SceneObject.plain(Shape.CIRCLE, ShapeColor.RED, Size.LARGE, new Cell(0, 0));
    private static final SceneObject BLUE = SceneObject.plain(Shape.SQUARE, ShapeColor.BLUE, Size.SMALL, new Cell(2, 2));

    @Test
    void readersOfATrueRenderAgreeAndBoxesSitOnTheObjects() {
        RgbImage img = SceneRenderer.render(new Scene(List.of(RED, BLUE)), 32);
        List<PixelSceneReader.Blob> blobs = PixelSceneReader.read(img);
        ReaderComparison c = ReaderComparison.of(List.of(RED, BLUE), List.of(RED, BLUE), blobs);
        assertTrue(c.disagreements().isEmpty(), c.disagreements().toString());
        assertEquals(6, c.boxes().size());
        ReaderComparison.Box critic = c.boxes().get(0);
        assertEquals("large red circle", critic.label());
        assertEquals(1.0 / 6, critic.centerX(), 1e-9, "centre of the top-left cell");
        ReaderComparison.Box pixels = c.boxes().stream().filter(b -> b.reader().equals(ReaderComparison.PIXELS)).findFirst().orElseThrow();
        assertEquals("large red blob", pixels.label());
        assertEquals(critic.centerX(), pixels.centerX(), 0.05, "the blob's centre is the object's");
    }

    @Test
    void differencesAreListedAtTheirCell() {
        RgbImage img = SceneRenderer.render(new Scene(List.of(RED, BLUE)), 32);
        List<PixelSceneReader.Blob> blobs = PixelSceneReader.read(img);
        ReaderComparison judgeMissesOne = ReaderComparison.of(List.of(RED, BLUE), List.of(RED.withColor(ShapeColor.ORANGE)), blobs);
        assertEquals(2, judgeMissesOne.disagreements().size());
        assertEquals("at top left: critic large red circle, judge large orange circle, pixels large red blob",
                judgeMissesOne.disagreements().get(0).describe());
        assertEquals("nothing", judgeMissesOne.disagreements().get(1).judge());
        assertTrue(judgeMissesOne.criticAndJudgeDisagree());

        ReaderComparison pixelsOnly = ReaderComparison.of(List.of(RED.withColor(ShapeColor.PURPLE), BLUE),
                List.of(RED.withColor(ShapeColor.PURPLE), BLUE), blobs);
        assertEquals(1, pixelsOnly.disagreements().size(), "both readers say purple, the pixels red");
        assertFalse(pixelsOnly.criticAndJudgeDisagree());
        assertEquals("1 of 1 image(s) have a disagreement; critic and judge differ on 0.", RunDisagreements.summary(List.of(
                new RunDisagreements.Entry("reflection #1", null, pixelsOnly))));
    }
}
