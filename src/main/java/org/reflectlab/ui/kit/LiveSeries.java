package org.reflectlab.ui.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import javafx.animation.AnimationTimer;
import javafx.scene.chart.XYChart;

/**
 * Feeds a chart series from any thread. Producers call {@link #offer}; points wait in a
 * lock-free queue until an {@link AnimationTimer} on the FX thread drains them, at most
 * {@value #MAX_DRAINS_PER_SECOND} times a second, into a {@link DecimatingBuffer}, then updates
 * the series in one batch. The chart never holds more than {@code maxPoints} points, so a run of
 * 100k steps draws as fast as one of 100.
 */
public final class LiveSeries {

    public static final int MAX_DRAINS_PER_SECOND = 30;
    private static final long MIN_GAP_NANOS = 1_000_000_000L / MAX_DRAINS_PER_SECOND;

    private final XYChart.Series<Number, Number> series = new XYChart.Series<>();
    private final ConcurrentLinkedQueue<double[]> queue = new ConcurrentLinkedQueue<>();
    private final DecimatingBuffer buffer;
    private final AnimationTimer timer;
    private long lastDrain;
    private long drains;

    public LiveSeries(String name, int maxPoints) {
        series.setName(name);
        buffer = new DecimatingBuffer(maxPoints);
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (now - lastDrain >= MIN_GAP_NANOS) {
                    lastDrain = now;
                    drain();
                }
            }
        };
    }

    public XYChart.Series<Number, Number> series() {
        return series;
    }

    /** Thread-safe; cheap enough to call every training step. */
    public void offer(double x, double y) {
        queue.add(new double[] {x, y});
    }

    public void start() {
        timer.start();
    }

    public void stop() {
        timer.stop();
    }

    public DecimatingBuffer buffer() {
        return buffer;
    }

    /** Number of times points were moved into the chart (for tests and the UI probe). */
    public long drains() {
        return drains;
    }

    /** FX thread: move everything queued into the series in one batch. */
    public void drain() {
        if (queue.isEmpty()) {
            return;
        }
        drains++;
        int before = buffer.shownCount();
        boolean reshaped = false;
        for (double[] p; (p = queue.poll()) != null; ) {
            reshaped |= buffer.add(p[0], p[1]);
        }
        var data = series.getData();
        if (reshaped || buffer.shownCount() < before) {
            data.setAll(points(0));
        } else if (buffer.shownCount() > before) {
            data.addAll(points(before));
        }
    }

    public void clear() {
        queue.clear();
        buffer.clear();
        series.getData().clear();
    }

    private List<XYChart.Data<Number, Number>> points(int from) {
        List<XYChart.Data<Number, Number>> out = new ArrayList<>(buffer.shownCount() - from);
        for (int i = from; i < buffer.shownCount(); i++) {
            out.add(new XYChart.Data<>(buffer.shownX(i), buffer.shownY(i)));
        }
        return out;
    }
}
