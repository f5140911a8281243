package org.reflectlab.ui.world;

import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Line;
import javafx.util.StringConverter;
import org.reflectlab.core.world.Comparison;
import org.reflectlab.core.world.ModelKind;
import org.reflectlab.core.world.RolloutMetrics;

/**
 * Per-frame error of each model (log scale) with a cursor at the scrubber's frame. Clicking or
 * dragging on the chart asks to jump to that frame.
 */
final class ErrorChart extends StackPane {

    private static final double FLOOR = 1e-6;

    private final NumberAxis xAxis = new NumberAxis(0, 60, 10);
    private final NumberAxis yAxis = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(xAxis, yAxis);
    private final Pane overlay = new Pane();
    private final Line cursor = new Line();
    private final javafx.scene.control.Label hybridKey = new javafx.scene.control.Label("hybrid");
    private int frame;

    ErrorChart(IntConsumer onSeek) {
        setId("error-chart");
        getStyleClass().add("error-chart");
        xAxis.setAutoRanging(false);
        xAxis.setLabel("frame (steps after the two context frames) · click to jump");
        yAxis.setLabel("error (MSE)");
        yAxis.setForceZeroInRange(false);
        // log10 values: before the first rollout an auto-ranged empty axis runs 0..100, which read as "1e+100"
        yAxis.setAutoRanging(false);
        yAxis.setLowerBound(-6);
        yAxis.setUpperBound(0);
        yAxis.setTickUnit(1);
        yAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return String.format(Locale.ROOT, "%.0e", Math.pow(10, n.doubleValue()));
            }

            @Override
            public Number fromString(String s) {
                return Math.log10(Double.parseDouble(s));
            }
        });
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setLegendVisible(false); // drawn above instead, in the series' fixed colours (see legend())
        chart.getStyleClass().add("live-chart");
        cursor.getStyleClass().add("frame-cursor");
        cursor.setMouseTransparent(true);
        overlay.getChildren().add(cursor);
        overlay.setMouseTransparent(true);
        overlay.setManaged(false);
        getChildren().addAll(chart, overlay);
        hybridKey.getStyleClass().addAll("legend-key", "key-hybrid");
        org.reflectlab.ui.kit.ChartHover.install(chart, "Per-frame error (MSE against the true frame, log scale); above 0.01 a "
                + "ball is drawn in the wrong place (the drift horizon). Click to jump to a frame.",
                x -> String.format(Locale.ROOT, "frame %.0f", x), y -> String.format(Locale.ROOT, "%.5f", Math.pow(10, y)));
        chart.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> onSeek.accept(frameAt(e)));
        chart.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> onSeek.accept(frameAt(e)));
        chart.widthProperty().addListener((o, a, b) -> placeCursor());
        chart.heightProperty().addListener((o, a, b) -> placeCursor());
        xAxis.widthProperty().addListener((o, a, b) -> placeCursor());
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        overlay.resizeRelocate(0, 0, getWidth(), getHeight());
        placeCursor();
    }

    private int frameAt(MouseEvent e) {
        Point2D p = xAxis.sceneToLocal(e.getSceneX(), e.getSceneY());
        return (int) Math.round(xAxis.getValueForDisplay(p.getX()).doubleValue());
    }

    /** A row of coloured keys for the series. */
    javafx.scene.layout.HBox legend() {
        javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(16, key("explicit", "key-explicit"),
                key("implicit", "key-implicit"), hybridKey, key("drift threshold", "key-threshold"));
        box.getStyleClass().add("chart-key");
        return box;
    }

    private static javafx.scene.control.Label key(String text, String style) {
        javafx.scene.control.Label l = new javafx.scene.control.Label(text);
        l.getStyleClass().addAll("legend-key", style);
        return l;
    }

    void setData(Comparison c) {
        hybridKey.setText(String.format(Locale.ROOT, "hybrid (alpha %.2f)", c.alpha()));
        xAxis.setUpperBound(c.horizon());
        xAxis.setTickUnit(tick(c.horizon()));
        yAxis.setAutoRanging(true);
        chart.getData().clear();
        for (ModelKind k : List.of(ModelKind.EXPLICIT, ModelKind.IMPLICIT, ModelKind.HYBRID)) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(k == ModelKind.HYBRID ? String.format(Locale.ROOT, "hybrid (alpha %.2f)", c.alpha()) : k.label());
            RolloutMetrics m = c.metrics().get(k);
            if (m != null) {
                for (int i = 0; i < m.errors().length; i++) {
                    s.getData().add(new XYChart.Data<>(i + 1, Math.log10(Math.max(FLOOR, m.errors()[i]))));
                }
            }
            chart.getData().add(s); // an empty series keeps colours stable when the implicit model is missing
        }
        XYChart.Series<Number, Number> threshold = new XYChart.Series<>();
        threshold.setName("drift threshold");
        threshold.getData().add(new XYChart.Data<>(0, Math.log10(c.threshold())));
        threshold.getData().add(new XYChart.Data<>(c.horizon(), Math.log10(c.threshold())));
        chart.getData().add(threshold);
        placeCursor();
    }

    private static double tick(int horizon) {
        double raw = horizon / 8.0;
        for (double t : new double[] {1, 2, 5, 10, 20, 25, 50, 100}) {
            if (t >= raw) {
                return t;
            }
        }
        return 100;
    }

    void setCursor(int k) {
        frame = k;
        placeCursor();
    }

    private void placeCursor() {
        Node plot = chart.lookup(".chart-plot-background");
        if (plot == null || getScene() == null) {
            return;
        }
        Bounds area = overlay.sceneToLocal(plot.localToScene(plot.getBoundsInLocal()));
        Point2D x = overlay.sceneToLocal(xAxis.localToScene(xAxis.getDisplayPosition(frame), 0));
        if (area == null || x == null) {
            return;
        }
        cursor.setStartX(x.getX());
        cursor.setEndX(x.getX());
        cursor.setStartY(area.getMinY());
        cursor.setEndY(area.getMaxY());
    }

    /** For tests: the cursor's x in this node's coordinates, and the chart itself. */
    double cursorX() {
        return cursor.getStartX();
    }

    LineChart<Number, Number> chart() {
        return chart;
    }
}
