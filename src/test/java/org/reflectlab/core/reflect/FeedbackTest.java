package org.reflectlab.core.reflect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.CaptionParser;
import org.reflectlab.core.data.Cell;
import org.reflectlab.core.data.SceneObject;
import org.reflectlab.core.data.Shape;
import org.reflectlab.core.data.ShapeColor;
import org.reflectlab.core.data.Size;
import org.reflectlab.core.nn.generator.FeedbackVocabulary;

class FeedbackTest {

    private static Caption p(String text) {
        return CaptionParser.parse(text).caption();
    }

    private static SceneObject o(Shape s, ShapeColor c, int row, int col) {
        return SceneObject.plain(s, c, Size.LARGE, new Cell(row, col));
    }

    @Test
    void wrongColorIsNamed() {
        assertEquals(List.of("the circle should be red but it is blue"),
                Feedback.sentences(p("a red circle"), List.of(o(Shape.CIRCLE, ShapeColor.BLUE, 1, 1))));
    }

    @Test
    void wrongCountIsNamed() {
        assertEquals(List.of("there should be two squares but only one exists"),
                Feedback.sentences(p("two squares"), List.of(o(Shape.SQUARE, ShapeColor.RED, 0, 0))));
        assertEquals(List.of("there should be two squares but three exist"), Feedback.sentences(p("two squares"),
                List.of(o(Shape.SQUARE, ShapeColor.RED, 0, 0), o(Shape.SQUARE, ShapeColor.RED, 0, 2), o(Shape.SQUARE, ShapeColor.RED, 2, 2))));
        assertEquals(List.of("there should be three triangles but none exist"), Feedback.sentences(p("three triangles"), List.of()));
    }

    @Test
    void swappedPositionIsNamed() {
        assertEquals(List.of("the square should be left of the triangle but it is right of it"),
                Feedback.sentences(p("a square left of a triangle"),
                        List.of(o(Shape.TRIANGLE, ShapeColor.RED, 1, 0), o(Shape.SQUARE, ShapeColor.BLUE, 1, 2))));
        assertEquals(List.of("the circle should be above the diamond but they are in the same row"),
                Feedback.sentences(p("a circle above a diamond"),
                        List.of(o(Shape.CIRCLE, ShapeColor.RED, 1, 0), o(Shape.DIAMOND, ShapeColor.BLUE, 1, 2))));
    }

    @Test
    void missingObjectIsNamed() {
        assertEquals(List.of("there should be a diamond but none exists"),
                Feedback.sentences(p("a circle and a diamond"), List.of(o(Shape.CIRCLE, ShapeColor.RED, 0, 0))));
        assertEquals(List.of("there should be an orange square but none exists"),
                Feedback.sentences(p("an orange square"), List.of()));
    }

    @Test
    void correctSceneSaysCorrect() {
        List<String> f = Feedback.sentences(p("a red circle and a blue square"),
                List.of(o(Shape.CIRCLE, ShapeColor.RED, 0, 0), o(Shape.SQUARE, ShapeColor.BLUE, 2, 2)));
        assertEquals(List.of(Feedback.CORRECT), f);
        assertTrue(Feedback.isCorrect(f));
    }

    @Test
    void everyFeedbackFitsTheVocabulary() {
        List<String> f = Feedback.sentences(p("a red circle and a blue square"),
                List.of(o(Shape.CIRCLE, ShapeColor.GREEN, 0, 0), o(Shape.SQUARE, ShapeColor.YELLOW, 2, 2)));
        assertEquals(2, f.size());
        int[] ids = FeedbackVocabulary.encode(f);
        assertEquals(FeedbackVocabulary.MAX_TOKENS, ids.length);
        assertTrue(FeedbackVocabulary.length(ids) > 10);
    }
}
