package org.reflectlab.ui.reflect;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Draws a {@link ChangeMask} at a zoom: a light tint over changed pixels, outlined where they meet
 * unchanged ones. Cyan, because no ShapesWorld colour is cyan and the tint is faint, so the
 * learner can still read the colours the feedback talks about.
 */
final class ChangeOverlay {

    /** Inside a changed region: transparent, so the outline never hides the objects (a fill did). */
    static final int TINT = 0x00000000;
    static final int EDGE = 0xFF00E5FF;

    private ChangeOverlay() {
    }

    static Image render(ChangeMask mask, int scale) {
        int w = mask.width() * scale;
        int h = mask.height() * scale;
        WritableImage fx = new WritableImage(w, h);
        fx.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels(mask, scale), 0, w);
        return fx;
    }

    /** ARGB, row-major, {@code scale} screen pixels per image pixel; transparent where nothing changed. */
    static int[] pixels(ChangeMask mask, int scale) {
        int w = mask.width() * scale;
        int line = Math.max(1, scale / 6);
        int[] out = new int[w * mask.height() * scale];
        for (int y = 0; y < mask.height(); y++) {
            for (int x = 0; x < mask.width(); x++) {
                if (!mask.changed(x, y)) {
                    continue;
                }
                boolean left = !mask.changed(x - 1, y);
                boolean right = !mask.changed(x + 1, y);
                boolean up = !mask.changed(x, y - 1);
                boolean down = !mask.changed(x, y + 1);
                for (int v = 0; v < scale; v++) {
                    for (int u = 0; u < scale; u++) {
                        boolean edge = (left && u < line) || (right && u >= scale - line)
                                || (up && v < line) || (down && v >= scale - line);
                        out[(y * scale + v) * w + x * scale + u] = edge ? EDGE : TINT;
                    }
                }
            }
        }
        return out;
    }
}
