package org.reflectlab.ui.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;

/**
 * A chart series fed from a {@link PointStream}. {@link LiveChartFeed} calls {@link #drain()}
 * on the FX thread at most ~30 times a second; everything queued since the last drain goes
 * through a {@link DecimatingBuffer} and reaches the series in one batch, so the chart never
 * holds more than maxPoints points and a 100k-step run draws as fast as a 100-step one.
 */
public final class LiveSeries {

    private final PointStream source;
    private final XYChart.Series<Number, Number> series = new XYChart.Series<>();
    private final DecimatingBuffer buffer;
    private long drains;
    private BiFunction<Double, Double, Node> marks;

    public LiveSeries(PointStream source, String label, int maxPoints) {
        this.source = source;
        this.buffer = new DecimatingBuffer(maxPoints);
        series.setName(label);
    }

    /**
     * Draws a mark at each shown point (a chart without symbols draws a node a point already has): for sparse series
     * whose points are measurements, e.g. the held-out evaluations. {@code mark} gets the shown x and y.
     */
    public LiveSeries marked(BiFunction<Double, Double, Node> mark) {
        this.marks = mark;
        return this;
    }

    public XYChart.Series<Number, Number> series() {
        return series;
    }

    public DecimatingBuffer buffer() {
        return buffer;
    }

    public long drains() {
        return drains;
    }

    /** FX thread: move everything queued into the series in one batch. */
    public void drain() {
        if (source.isEmpty()) {
            return;
        }
        drains++;
        int before = buffer.shownCount();
        boolean reshaped = false;
        for (double[] p; (p = source.poll()) != null; ) {
            reshaped |= buffer.add(p[0], p[1]);
        }
        if (reshaped || buffer.shownCount() < before) {
            series.getData().setAll(points(0));
        } else if (buffer.shownCount() > before) {
            series.getData().addAll(points(before));
        }
    }

    /** FX thread: new smoothing / log setting, redrawn from the raw values. */
    public void setTransform(double smoothing, boolean log) {
        if (smoothing == buffer.smoothing() && log == buffer.log()) {
            return;
        }
        buffer.setSmoothing(smoothing);
        buffer.setLog(log);
        series.getData().setAll(points(0));
    }

    public void clear() {
        source.clear();
        buffer.clear();
        series.getData().clear();
    }

    private List<XYChart.Data<Number, Number>> points(int from) {
        List<XYChart.Data<Number, Number>> out = new ArrayList<>(Math.max(0, buffer.shownCount() - from));
        for (int i = from; i < buffer.shownCount(); i++) {
            XYChart.Data<Number, Number> d = new XYChart.Data<>(buffer.shownX(i), buffer.shownY(i));
            if (marks != null) {
                d.setNode(marks.apply(buffer.shownX(i), buffer.shownY(i)));
            }
            out.add(d);
        }
        return out;
    }
}
