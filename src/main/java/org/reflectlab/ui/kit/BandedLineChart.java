package org.reflectlab.ui.kit;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.paint.Color;
import javafx.scene.shape.Polygon;

/**
 * A line chart that can shade intervals (e.g. bootstrap 95% bands) as filled areas behind its
 * series, so a band never looks like one more series. A band is drawn between its low and high
 * values at each x, in its colour at low opacity.
 */
public class BandedLineChart extends LineChart<Number, Number> {

    /** A shaded interval: low and high at each x, in a colour (drawn translucent). */
    public record Band(String name, double[] x, double[] low, double[] high, Color color) {
    }

    private final List<Band> bands = new ArrayList<>();
    private final Group layer = new Group();

    public BandedLineChart(NumberAxis x, NumberAxis y) {
        super(x, y);
        layer.setManaged(false);
        layer.setMouseTransparent(true);
        getPlotChildren().add(0, layer);
    }

    public void setBands(List<Band> newBands) {
        bands.clear();
        bands.addAll(newBands);
        requestChartLayout();
    }

    public List<Band> bands() {
        return List.copyOf(bands);
    }

    /** The shaded polygons, one per band, after the last layout (for tests). */
    public List<Polygon> bandShapes() {
        return layer.getChildren().stream().map(Polygon.class::cast).toList();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        layer.getChildren().clear();
        NumberAxis xa = (NumberAxis) getXAxis();
        NumberAxis ya = (NumberAxis) getYAxis();
        for (Band b : bands) {
            Polygon p = new Polygon();
            for (int i = 0; i < b.x().length; i++) {
                p.getPoints().addAll(xa.getDisplayPosition(b.x()[i]), ya.getDisplayPosition(b.high()[i]));
            }
            for (int i = b.x().length - 1; i >= 0; i--) {
                p.getPoints().addAll(xa.getDisplayPosition(b.x()[i]), ya.getDisplayPosition(b.low()[i]));
            }
            p.setFill(b.color().deriveColor(0, 1, 1, 0.16));
            p.setStroke(null);
            layer.getChildren().add(p);
        }
        layer.toBack();
    }
}
