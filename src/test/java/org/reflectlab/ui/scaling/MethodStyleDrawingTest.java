package org.reflectlab.ui.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A redraw hands a chart its series in one change, already filled (the chart never sees a point added one by one), and
 * only points meant to be seen get a symbol node: a fitted curve's points have none.
 */
class MethodStyleDrawingTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aRedrawIsOneChangePerChartAndLinesHaveNoSymbols() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            LineChart<Number, Number> chart = new LineChart<>(new NumberAxis(), new NumberAxis());
            chart.setCreateSymbols(false);
            chart.setAnimated(false);
            int[] changes = {0};
            chart.getData().addListener((ListChangeListener<XYChart.Series<Number, Number>>) c -> changes[0]++);
            for (int redraw = 1; redraw <= 2; redraw++) {
                MethodStyle.Drawing draw = new MethodStyle.Drawing(List.of(chart));
                XYChart.Series<Number, Number> points = draw.series(chart, "measured", MethodStyle.line("#000", MethodStyle.Kind.MEASURED),
                        MethodStyle.symbol("#000", true));
                XYChart.Series<Number, Number> curve = draw.series(chart, "fit", MethodStyle.line("#000", MethodStyle.Kind.FIT),
                        MethodStyle.symbol("#000", false));
                for (int i = 0; i < 4; i++) {
                    points.getData().add(new XYChart.Data<>(i, i));
                }
                for (int i = 0; i < 130; i++) {
                    curve.getData().add(new XYChart.Data<>(i / 10.0, i / 10.0));
                }
                assertEquals(redraw - 1, changes[0], "nothing reaches the chart before the commit");
                draw.commit();
                assertEquals(redraw, changes[0], "one change per redraw");
                assertEquals(List.of(points, curve), chart.getData());
                points.getData().forEach(d -> {
                    assertNotNull(d.getNode(), "a measured point has its symbol");
                    assertTrue(d.getNode().getStyleClass().contains("chart-line-symbol"), "styled by the chart as its own symbols");
                    assertTrue(d.getNode().getStyle().contains("-fx-background-color: #000"));
                });
                curve.getData().forEach(d -> assertNull(d.getNode(), "a curve's point has no node to create, style and lay out"));
            }
            MethodStyle.Drawing empty = new MethodStyle.Drawing(List.of(chart));
            empty.commit();
            assertEquals(0, chart.getData().size(), "a redraw with nothing to show empties the chart");
        }).get();
    }
}
