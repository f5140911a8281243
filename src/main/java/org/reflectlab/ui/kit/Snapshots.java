package org.reflectlab.ui.kit;

import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.image.PixelFormat;
import org.reflectlab.core.data.ImageGrid;
import org.reflectlab.core.data.RgbImage;

/**
 * Writes what a node shows (a chart, a panel) to PNG. Snapshot on the FX thread, write anywhere.
 * The snapshot crosses into ViewModels as the project's own {@link RgbImage}: ViewModels hold no
 * AWT (or JavaFX image) types, so they test without a toolkit.
 */
public final class Snapshots {

    private Snapshots() {
    }

    /** FX thread: the node as an image, at 2x for crisp exports. */
    public static RgbImage capture(Node node) {
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.WHITE);
        p.setTransform(javafx.scene.transform.Transform.scale(2, 2));
        WritableImage img = node.snapshot(p, null);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] argb = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return RgbImage.fromArgb(w, h, argb);
    }

    public static void writePng(RgbImage image, Path file) throws IOException {
        ImageGrid.writePng(image, file);
    }
}
