package org.reflectlab.ui.concepts;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** A t x t weight matrix as coloured cells (row = query, column = key); darker = more weight, grey = masked (exactly 0). */
public final class Heatmap extends Canvas {

    public Heatmap(double size) {
        super(size, size);
    }

    /** Weights in [0, 1]; shown on a square-root scale so small weights stay visible. */
    public void show(float[] w, int t) {
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        if (w == null || t == 0) {
            return;
        }
        double cell = getWidth() / t;
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < t; j++) {
                float v = w[i * t + j];
                g.setFill(v == 0f ? Color.web("#d9dce1") : Color.hsb(215, Math.sqrt(Math.min(1, v)) * 0.95 + 0.05, 0.95 - 0.45 * Math.sqrt(Math.min(1, v))));
                g.fillRect(j * cell, i * cell, Math.ceil(cell), Math.ceil(cell));
            }
        }
    }

    /** The mask itself: 1 where attention is allowed. */
    public static float[] mask(int t, boolean causal) {
        float[] m = new float[t * t];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < t; j++) {
                m[i * t + j] = !causal || j <= i ? 1f : 0f;
            }
        }
        return m;
    }
}
