package org.reflectlab.ui.kit;

import java.io.IOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.reflectlab.core.data.ImageGrid;

/** Writes what a node shows (a chart, a panel) to PNG. Snapshot on the FX thread, write anywhere. */
public final class Snapshots {

    private Snapshots() {
    }

    /** FX thread: the node as an image, at 2x for crisp exports. */
    public static java.awt.image.BufferedImage capture(Node node) {
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.WHITE);
        p.setTransform(javafx.scene.transform.Transform.scale(2, 2));
        WritableImage img = node.snapshot(p, null);
        return SwingFXUtils.fromFXImage(img, null);
    }

    public static void writePng(java.awt.image.BufferedImage image, Path file) throws IOException {
        ImageGrid.writePng(image, file);
    }
}
