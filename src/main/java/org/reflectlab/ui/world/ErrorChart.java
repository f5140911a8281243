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
import org.reflectlab.ui.kit.I18n;

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
    private final javafx.scene.control.Label hybridKey = new javafx.scene.control.Label();
    private int frame;
    private Comparison shown;

    ErrorChart(IntConsumer onSeek) {
        setId("error-chart");
        getStyleClass().add("error-chart");
        xAxis.setAutoRanging(false);
        xAxis.labelProperty().bind(I18n.text("world.chart.x"));
        // no rotated y label: in a short chart (1024x700) it was longer than the axis and ran into the legend above;
        // what the axis measures heads the legend row instead (legend())
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
        hybridKey.setText(I18n.tr("world.series.hybrid"));
        org.reflectlab.ui.kit.ChartHover.install(chart, I18n.tr("world.chart.hover"),
                x -> I18n.tr("world.chart.frame", Math.round(x)), y -> I18n.number(Math.pow(10, y), 5));
        // series names are set, not bound: name them again in the new language
        I18n.localeProperty().addListener((o, a, l) -> {
            if (shown != null) {
                setData(shown);
            } else {
                hybridKey.setText(I18n.tr("world.series.hybrid"));
            }
        });
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
        javafx.scene.control.Label what = new javafx.scene.control.Label();
        what.textProperty().bind(I18n.text("world.chart.y"));
        what.getStyleClass().add("chart-key-title");
        javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(16, what, key("world.series.explicit", "key-explicit"),
                key("world.series.implicit", "key-implicit"), hybridKey, key("world.series.threshold", "key-threshold"));
        box.getStyleClass().add("chart-key");
        return box;
    }

    private static javafx.scene.control.Label key(String textKey, String style) {
        javafx.scene.control.Label l = new javafx.scene.control.Label();
        l.textProperty().bind(I18n.text(textKey));
        l.getStyleClass().addAll("legend-key", style);
        return l;
    }

    void setData(Comparison c) {
        shown = c;
        hybridKey.setText(I18n.tr("world.series.hybrid.alpha", c.alpha()));
        xAxis.setUpperBound(c.horizon());
        xAxis.setTickUnit(tick(c.horizon()));
        yAxis.setAutoRanging(true);
        chart.getData().clear();
        for (ModelKind k : List.of(ModelKind.EXPLICIT, ModelKind.IMPLICIT, ModelKind.HYBRID)) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(k == ModelKind.HYBRID ? I18n.tr("world.series.hybrid.alpha", c.alpha()) : WorldTexts.series(k).text());
            RolloutMetrics m = c.metrics().get(k);
            if (m != null) {
                for (int i = 0; i < m.errors().length; i++) {
                    s.getData().add(new XYChart.Data<>(i + 1, Math.log10(Math.max(FLOOR, m.errors()[i]))));
                }
            }
            chart.getData().add(s); // an empty series keeps colours stable when the implicit model is missing
        }
        XYChart.Series<Number, Number> threshold = new XYChart.Series<>();
        threshold.setName(I18n.tr("world.series.threshold"));
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
