package org.reflectlab.ui.kit;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.reflectlab.core.data.AudioClip;

/** Draws a stereo clip: left channel above the centre line, right below, min/max per column. */
public final class WaveformView extends Region {

    private final Canvas canvas = new Canvas();
    private AudioClip clip;

    public WaveformView() {
        getChildren().add(canvas);
        getStyleClass().add("waveform");
        setMinHeight(60);
        setPrefHeight(70);
    }

    public void setClip(AudioClip clip) {
        this.clip = clip;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.web("#141821"));
        g.fillRect(0, 0, w, h);
        g.setStroke(Color.web("#2c3340"));
        g.strokeLine(0, h / 2, w, h / 2);
        if (clip == null || w < 2) {
            return;
        }
        channel(g, clip.left(), w, h / 4, h / 4 * 0.95, Color.web("#5aa9ff"));
        channel(g, clip.right(), w, 3 * h / 4, h / 4 * 0.95, Color.web("#ff9a4d"));
    }

    private static void channel(GraphicsContext g, float[] x, double w, double mid, double amp, Color color) {
        g.setStroke(color);
        int columns = (int) w;
        double per = x.length / (double) columns;
        for (int c = 0; c < columns; c++) {
            int from = (int) (c * per);
            int to = Math.min(x.length, (int) ((c + 1) * per) + 1);
            float lo = 0;
            float hi = 0;
            for (int i = from; i < to; i++) {
                lo = Math.min(lo, x[i]);
                hi = Math.max(hi, x[i]);
            }
            g.strokeLine(c + 0.5, mid - hi * amp, c + 0.5, mid - lo * amp);
        }
    }
}
