package org.reflectlab.core.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads colors, places, sizes and the object count straight off the pixels, with no learning:
 * foreground blobs (pixels far from the background) by connected components, each blob's
 * centroid gives its cell, its mean hue the nearest named color, its extent the size. Shape
 * is not read. A transparent check of generated images that needs no trained judge; it trusts
 * that objects do not touch, which ShapesWorld guarantees for true renders.
 */
public final class PixelSceneReader {

    /** One foreground blob. */
    public record Blob(Cell cell, ShapeColor color, Size size, int area, double centerX, double centerY) {
    }

    private static final float FOREGROUND = 0.18f;

    private PixelSceneReader() {
    }

    public static List<Blob> read(RgbImage img) {
        int w = img.width();
        int h = img.height();
        boolean[] fg = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float d = 0;
                for (int c = 0; c < 3; c++) {
                    d = Math.max(d, Math.abs(img.get(c, y, x) - SceneRenderer.BACKGROUND[c]));
                }
                fg[y * w + x] = d > FOREGROUND;
            }
        }
        int minArea = Math.max(2, (w * h) / 400);
        boolean[] seen = new boolean[w * h];
        List<Blob> blobs = new ArrayList<>();
        int[] stack = new int[w * h];
        for (int start = 0; start < w * h; start++) {
            if (!fg[start] || seen[start]) {
                continue;
            }
            int top = 0;
            stack[top++] = start;
            seen[start] = true;
            int area = 0;
            double sx = 0;
            double sy = 0;
            double[] rgb = new double[3];
            int minX = w;
            int maxX = -1;
            int minY = h;
            int maxY = -1;
            while (top > 0) {
                int p = stack[--top];
                int x = p % w;
                int y = p / w;
                area++;
                sx += x + 0.5;
                sy += y + 0.5;
                for (int c = 0; c < 3; c++) {
                    rgb[c] += img.get(c, y, x);
                }
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
                int[] next = {p - 1, p + 1, p - w, p + w};
                boolean[] ok = {x > 0, x < w - 1, y > 0, y < h - 1};
                for (int k = 0; k < 4; k++) {
                    if (ok[k] && fg[next[k]] && !seen[next[k]]) {
                        seen[next[k]] = true;
                        stack[top++] = next[k];
                    }
                }
            }
            if (area < minArea) {
                continue;
            }
            double cx = sx / area / w;
            double cy = sy / area / h;
            Cell cell = new Cell(clamp((int) (cy * Cell.GRID)), clamp((int) (cx * Cell.GRID)));
            ShapeColor color = nearestColor(rgb[0] / area, rgb[1] / area, rgb[2] / area);
            double extent = Math.max(maxX - minX + 1, maxY - minY + 1) / (w / (double) Cell.GRID);
            Size size = extent > 0.66 ? Size.LARGE : Size.SMALL;
            blobs.add(new Blob(cell, color, size, area, cx, cy));
        }
        return blobs;
    }

    /** The named color whose rendered RGB is closest (antialiased edges pull toward the background). */
    static ShapeColor nearestColor(double r, double g, double b) {
        ShapeColor best = null;
        double bestD = Double.MAX_VALUE;
        for (ShapeColor c : ShapeColor.values()) {
            float[] ref = c.rgb(0);
            // Compare chromaticity, not brightness: edges dim a blob's mean without changing its hue.
            double[] a = normalize(r, g, b);
            double[] e = normalize(ref[0], ref[1], ref[2]);
            double d = sq(a[0] - e[0]) + sq(a[1] - e[1]) + sq(a[2] - e[2]);
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return best;
    }

    private static double[] normalize(double r, double g, double b) {
        double r0 = r - SceneRenderer.BACKGROUND[0];
        double g0 = g - SceneRenderer.BACKGROUND[1];
        double b0 = b - SceneRenderer.BACKGROUND[2];
        double n = Math.sqrt(r0 * r0 + g0 * g0 + b0 * b0) + 1e-9;
        return new double[] {r0 / n, g0 / n, b0 / n};
    }

    private static double sq(double v) {
        return v * v;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(Cell.GRID - 1, v));
    }
}
