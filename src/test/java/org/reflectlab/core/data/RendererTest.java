package org.reflectlab.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RendererTest {

    @Test
    void objectSitsInItsCellWithItsColorAndAntialiasedEdges() {
        SceneObject o = SceneObject.plain(Shape.CIRCLE, ShapeColor.BLUE, Size.LARGE, new Cell(2, 2));
        RgbImage img = SceneRenderer.render(Scene.of(o), 32);
        float[] blue = ShapeColor.BLUE.rgb(0);
        int cx = (int) (o.centerX() * 32);
        int cy = (int) (o.centerY() * 32);
        assertEquals(blue[2], img.get(2, cy, cx), 1e-6);
        assertEquals(SceneRenderer.BACKGROUND[0], img.get(0, 2, 2), 1e-6, "top left is empty");
        int partial = 0;
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                float v = img.get(2, y, x);
                if (v > SceneRenderer.BACKGROUND[2] + 0.02 && v < blue[2] - 0.02) {
                    partial++;
                }
            }
        }
        assertTrue(partial > 8, "antialiased edge pixels: " + partial);
    }

    @Test
    void shapesDifferInArea() {
        double circle = coverage(Shape.CIRCLE);
        double triangle = coverage(Shape.TRIANGLE);
        double square = coverage(Shape.SQUARE);
        assertTrue(triangle < circle && circle < square * 1.2, circle + " " + triangle + " " + square);
    }

    private static double coverage(Shape s) {
        RgbImage img = SceneRenderer.render(Scene.of(SceneObject.plain(s, ShapeColor.YELLOW, Size.LARGE, new Cell(1, 1))), 64);
        double sum = 0;
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                sum += img.get(0, y, x) - SceneRenderer.BACKGROUND[0];
            }
        }
        return sum;
    }
}
