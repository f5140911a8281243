package org.reflectlab.core.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Lays images out in a grid and writes PNGs (java.desktop's ImageIO; no UI toolkit needed). */
public final class ImageGrid {

    private ImageGrid() {
    }

    /**
     * A grid of same-size images, {@code columns} wide, each scaled by {@code scale} (pixel
     * replication) with {@code gap} pixels of {@code gapGray} between them.
     */
    public static BufferedImage compose(List<RgbImage> images, int columns, int scale, int gap, float gapGray) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no images to lay out");
        }
        int w = images.get(0).width() * scale;
        int h = images.get(0).height() * scale;
        int rows = (images.size() + columns - 1) / columns;
        int cols = Math.min(columns, images.size());
        BufferedImage out = new BufferedImage(cols * w + (cols + 1) * gap, rows * h + (rows + 1) * gap,
                BufferedImage.TYPE_INT_RGB);
        int g = Math.round(gapGray * 255);
        int gapRgb = (g << 16) | (g << 8) | g;
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, gapRgb);
            }
        }
        for (int i = 0; i < images.size(); i++) {
            RgbImage img = images.get(i);
            if (img.width() * scale != w || img.height() * scale != h) {
                throw new IllegalArgumentException("images differ in size");
            }
            int ox = gap + (i % columns) * (w + gap);
            int oy = gap + (i / columns) * (h + gap);
            int[] argb = img.toArgb();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out.setRGB(ox + x, oy + y, argb[(y / scale) * img.width() + x / scale] & 0xFFFFFF);
                }
            }
        }
        return out;
    }

    /** Writes an image at its own size (e.g. a chart the UI captured) as a PNG, atomically. */
    public static void writePng(RgbImage image, Path target) throws IOException {
        BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, image.width(), image.height(), image.toArgb(), 0, image.width());
        writePng(out, target);
    }

    /** Writes a PNG through a temp file and a rename, so a failed write never leaves half a file. */
    public static void writePng(BufferedImage image, Path target) throws IOException {
        org.reflectlab.core.store.AtomicFile.writePng(target, image);
    }
}
