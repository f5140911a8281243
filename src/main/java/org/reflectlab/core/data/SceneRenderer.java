package org.reflectlab.core.data;

/**
 * Draws scenes with antialiasing by supersampling: each pixel's coverage is the share of an
 * S x S grid of sample points inside the shape. Pure double arithmetic, so a scene renders to
 * the same bytes on every machine.
 */
public final class SceneRenderer {

    /** Background, a dark neutral so every named color stands out. */
    public static final float[] BACKGROUND = {0.08f, 0.08f, 0.10f};

    private static final int SUPERSAMPLE = 4;

    private SceneRenderer() {
    }

    public static RgbImage render(Scene scene, int size) {
        RgbImage img = new RgbImage(size, size);
        float[] d = img.data();
        int plane = size * size;
        for (int c = 0; c < 3; c++) {
            java.util.Arrays.fill(d, c * plane, (c + 1) * plane, BACKGROUND[c]);
        }
        for (SceneObject o : scene.objects()) {
            draw(img, o);
        }
        return img;
    }

    private static void draw(RgbImage img, SceneObject o) {
        int size = img.width();
        double cellPx = size / (double) Cell.GRID;
        double cx = o.centerX() * size;
        double cy = o.centerY() * size;
        double r = o.size().radius() * cellPx;
        double[][] polygon = polygon(o.shape(), cx, cy, r, Math.toRadians(o.rotation()));
        double reach = o.shape().extent() * r + 1;
        int x0 = Math.max(0, (int) Math.floor(cx - reach));
        int x1 = Math.min(size - 1, (int) Math.ceil(cx + reach));
        int y0 = Math.max(0, (int) Math.floor(cy - reach));
        int y1 = Math.min(size - 1, (int) Math.ceil(cy + reach));
        float[] rgb = o.color().rgb(o.hueJitter());
        float[] d = img.data();
        int plane = size * size;
        double step = 1.0 / SUPERSAMPLE;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                int inside = 0;
                for (int sy = 0; sy < SUPERSAMPLE; sy++) {
                    double py = y + (sy + 0.5) * step;
                    for (int sx = 0; sx < SUPERSAMPLE; sx++) {
                        double px = x + (sx + 0.5) * step;
                        boolean in = polygon == null
                                ? (px - cx) * (px - cx) + (py - cy) * (py - cy) <= r * r
                                : insideConvex(polygon, px, py);
                        if (in) {
                            inside++;
                        }
                    }
                }
                if (inside > 0) {
                    float a = inside / (float) (SUPERSAMPLE * SUPERSAMPLE);
                    int i = y * size + x;
                    for (int c = 0; c < 3; c++) {
                        d[c * plane + i] = d[c * plane + i] * (1 - a) + rgb[c] * a;
                    }
                }
            }
        }
    }

    /** Vertices (clockwise on screen) of the shape's outline, or null for a circle. */
    static double[][] polygon(Shape shape, double cx, double cy, double r, double rotation) {
        double[] angles;
        double radius;
        switch (shape) {
            case CIRCLE:
                return null;
            case SQUARE:
                angles = new double[] {-135, -45, 45, 135};
                radius = shape.extent() * r;
                break;
            case DIAMOND:
                angles = new double[] {-90, 0, 90, 180};
                radius = shape.extent() * r;
                break;
            case TRIANGLE:
                angles = new double[] {-90, 30, 150};
                radius = shape.extent() * r;
                break;
            default:
                throw new IllegalStateException(shape.toString());
        }
        double[][] v = new double[angles.length][2];
        for (int i = 0; i < angles.length; i++) {
            double a = Math.toRadians(angles[i]) + rotation;
            v[i][0] = cx + radius * Math.cos(a);
            v[i][1] = cy + radius * Math.sin(a);
        }
        return v;
    }

    private static boolean insideConvex(double[][] v, double px, double py) {
        for (int i = 0; i < v.length; i++) {
            double[] a = v[i];
            double[] b = v[(i + 1) % v.length];
            double cross = (b[0] - a[0]) * (py - a[1]) - (b[1] - a[1]) * (px - a[0]);
            if (cross < 0) {
                return false;
            }
        }
        return true;
    }
}
