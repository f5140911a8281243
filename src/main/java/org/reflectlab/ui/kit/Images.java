package org.reflectlab.ui.kit;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.reflectlab.core.data.RgbImage;

/** RgbImage to JavaFX images, scaled up by pixel replication so small renders stay crisp. */
public final class Images {

    private Images() {
    }

    public static Image toFx(RgbImage img, int scale) {
        int w = img.width();
        int h = img.height();
        int[] src = img.toArgb();
        int sw = w * scale;
        int sh = h * scale;
        int[] out = new int[sw * sh];
        for (int y = 0; y < sh; y++) {
            int row = (y / scale) * w;
            for (int x = 0; x < sw; x++) {
                out[y * sw + x] = src[row + x / scale];
            }
        }
        WritableImage fx = new WritableImage(sw, sh);
        fx.getPixelWriter().setPixels(0, 0, sw, sh, PixelFormat.getIntArgbInstance(), out, 0, sw);
        return fx;
    }

    /** The largest whole-number scale at which the image fits in {@code box} pixels. */
    public static int scaleToFit(RgbImage img, double box) {
        return Math.max(1, (int) Math.floor(box / Math.max(img.width(), img.height())));
    }
}
