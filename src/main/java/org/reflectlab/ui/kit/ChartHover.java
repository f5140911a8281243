package org.reflectlab.ui.kit;

import java.util.function.DoubleFunction;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/**
 * Hovering a line chart shows, in a tooltip, each drawn series' value at the nearest point to the
 * mouse along x, and what the chart shows: the values as numbers, not only as a line.
 */
public final class ChartHover {

    private ChartHover() {
    }

    /**
     * @param what  one sentence on what the chart shows (appended to every tooltip)
     * @param xText how an x value reads ("step 1,200")
     * @param yText how a y value reads (e.g. undoing a log scale)
     */
    public static void install(LineChart<Number, Number> chart, String what, DoubleFunction<String> xText, DoubleFunction<String> yText) {
        Tooltip tip = new Tooltip(what);
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        tip.setShowDelay(Duration.millis(150));
        tip.setHideDelay(Duration.millis(100));
        Tooltip.install(chart, tip);
        chart.setOnMouseMoved(e -> {
            Node plot = chart.lookup(".chart-plot-background");
            NumberAxis x = (NumberAxis) chart.getXAxis();
            if (plot == null) {
                return;
            }
            Point2D local = x.sceneToLocal(e.getSceneX(), e.getSceneY());
            double at = x.getValueForDisplay(local.getX()).doubleValue();
            StringBuilder sb = new StringBuilder();
            for (XYChart.Series<Number, Number> s : chart.getData()) {
                XYChart.Data<Number, Number> best = null;
                for (XYChart.Data<Number, Number> d : s.getData()) {
                    if (best == null || Math.abs(d.getXValue().doubleValue() - at) < Math.abs(best.getXValue().doubleValue() - at)) {
                        best = d;
                    }
                }
                if (best != null && s.getName() != null) {
                    sb.append(I18n.tr("kit.chart.hover", s.getName(), xText.apply(best.getXValue().doubleValue()),
                            yText.apply(best.getYValue().doubleValue()))).append('\n');
                }
            }
            tip.setText(sb.length() == 0 ? what : sb + what);
        });
    }
}
