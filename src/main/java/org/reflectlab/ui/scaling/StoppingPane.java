package org.reflectlab.ui.scaling;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.reflectlab.core.scaling.OptimalStopping;
import org.reflectlab.core.scaling.ScalingAnalysis;
import org.reflectlab.ui.kit.I18n;

/**
 * Optimal stopping: Value(K) = Q(K) − λ·c·K on the fitted curve and at the measured points, with
 * K* marked, for a cost weight λ (slider, log scale) and c = measured NFE or seconds per unit of K.
 */
final class StoppingPane extends VBox {

    /** Held here (the locale keeps a weak reference): the chart's legend and tooltips are drawn again on a switch. */
    private final javafx.beans.InvalidationListener relabel = o -> relabel();

    private final ScalingViewModel vm;
    private final LineChart<Number, Number> chart;
    private final TableView<AnalysisViewModel.Stopping> table = new TableView<>();
    private final Label lambdaLabel = new Label();
    private final NumberAxis yAxis = new NumberAxis();
    private final FlowPane legend = MethodStyle.legend();

    StoppingPane(ScalingViewModel vm) {
        this.vm = vm;
        setSpacing(6);
        setPadding(new Insets(8));
        Slider lambda = new Slider(Math.log10(AnalysisViewModel.LAMBDA_RANGE.min()), Math.log10(AnalysisViewModel.LAMBDA_RANGE.max()),
                Math.log10(vm.analysis().lambdaProperty().get()));
        lambda.setId("lambda");
        lambda.setPrefWidth(260);
        lambda.valueProperty().addListener((o, a, b) -> vm.analysis().lambdaProperty().set(Math.pow(10, b.doubleValue())));
        ChoiceBox<AnalysisViewModel.CostUnit> unit = new ChoiceBox<>();
        unit.getItems().addAll(AnalysisViewModel.CostUnit.values());
        unit.valueProperty().bindBidirectional(vm.analysis().costUnitProperty());
        unit.setConverter(MethodStyle.converterOf(StoppingPane::unitName));
        I18n.localeProperty().addListener((o, a, b) -> unit.setConverter(MethodStyle.converterOf(StoppingPane::unitName)));
        I18n.localeProperty().addListener(new javafx.beans.WeakInvalidationListener(relabel));
        NumberAxis y = yAxis;
        y.setAutoRanging(false);
        y.setTickLabelFormatter(MethodStyle.converter(v -> String.format(Locale.ROOT, "%.2f", Math.abs(v) < 1e-9 ? 0.0 : v)));
        y.labelProperty().bind(I18n.text("scaling.stopping.axis"));
        chart = new LineChart<>(MethodStyle.log2KAxis(QualityPane.MAX_K), y);
        chart.setAnimated(false);
        chart.setCreateSymbols(false); // only the measured points have symbols (MethodStyle.Drawing)
        chart.setLegendVisible(false);
        chart.setId("stopping-chart");
        chart.titleProperty().bind(I18n.text("scaling.stopping.title"));
        VBox.setVgrow(chart, Priority.ALWAYS);
        table.setId("stopping-table");
        table.getColumns().add(col("scaling.stopping.method", s -> MethodStyle.name(s.method())));
        table.getColumns().add(col("scaling.stopping.cost", s -> String.format(Locale.ROOT, "%.3g", s.costPerK())));
        table.getColumns().add(col("scaling.stopping.closed", s -> AnalysisViewModel.kStar(s.closedForm())));
        table.getColumns().add(col("scaling.stopping.scan", s -> AnalysisViewModel.kStar(s.numeric())));
        table.getColumns().add(col("scaling.stopping.measured", s -> Integer.toString(s.measuredK())));
        table.setItems(vm.analysis().stopping());
        org.reflectlab.ui.kit.WrappedColumns.fit(table);
        org.reflectlab.ui.kit.WrappedColumns.showAllRows(table);
        MethodStyle.followLanguage(table);
        Label formula = org.reflectlab.ui.kit.Fit.wrapped(new Label());
        formula.textProperty().bind(I18n.text("scaling.stopping.formula"));
        formula.getStyleClass().add("hint");
        org.reflectlab.ui.kit.GlossaryView.explain(formula, "K*");
        lambda.setMinWidth(80);
        lambdaLabel.setMinWidth(org.reflectlab.ui.kit.Fit.width("λ = 0.0000") + 4);
        Label weight = new Label();
        weight.textProperty().bind(I18n.text("scaling.stopping.lambda"));
        HBox controls = new HBox(8, org.reflectlab.ui.kit.Fit.whole(weight), lambda, lambdaLabel, unit);
        controls.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(controls, formula, legend, chart, table);
        // the sweep shown and its analysis change together (twice per update of a running sweep): one redraw for them
        org.reflectlab.ui.kit.CoalescedRedraw due = new org.reflectlab.ui.kit.CoalescedRedraw(this::redraw);
        vm.analysis().lambdaProperty().addListener((o, a, b) -> due.request());
        vm.analysis().costUnitProperty().addListener((o, a, b) -> due.request());
        vm.stored().currentProperty().addListener((o, a, b) -> due.request());
        vm.analysis().stopping().addListener((ListChangeListener<AnalysisViewModel.Stopping>) c -> due.request());
        redraw();
    }

    LineChart<Number, Number> chart() {
        return chart;
    }

    private static String unitName(AnalysisViewModel.CostUnit u) {
        return I18n.tr(u == AnalysisViewModel.CostUnit.NFE ? "scaling.stopping.unit.nfe" : "scaling.stopping.unit.seconds");
    }

    private static TableColumn<AnalysisViewModel.Stopping, String> col(String titleKey,
            java.util.function.Function<AnalysisViewModel.Stopping, String> f) {
        return MethodStyle.column(I18n.text(titleKey), f);
    }

    private void relabel() {
        redraw();
        table.refresh();
    }

    private void redraw() {
        double lambda = vm.analysis().lambdaProperty().get();
        lambdaLabel.setText(String.format(Locale.ROOT, "λ = %.2g", lambda));
        legend.getChildren().clear();
        MethodStyle.Drawing draw = new MethodStyle.Drawing(java.util.List.of(chart));
        StoredSweeps.Run run = vm.stored().currentProperty().get();
        if (run == null) {
            draw.commit();
            return;
        }
        // The y range follows the values up to twice the largest measured K: the extrapolated tail
        // to K=100 falls steeply and would squash the region where the decision is made.
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        Map<String, Double> marks = new LinkedHashMap<>();
        for (ScalingAnalysis.Curve c : run.analysis().curves().values()) {
            if (c.fit() == null) {
                continue;
            }
            String color = MethodStyle.color(c.method());
            legend.getChildren().add(MethodStyle.key(MethodStyle.name(c.method()), color, MethodStyle.Kind.MEASURED));
            double cost = vm.analysis().costPerK(c);
            double lastK = c.ks()[c.ks().length - 1];
            double shownK = 2 * lastK;
            XYChart.Series<Number, Number> curve = draw.series(chart, MethodStyle.name(c.method()), MethodStyle.line(color, MethodStyle.Kind.FIT),
                    MethodStyle.symbol(color, false));
            XYChart.Series<Number, Number> beyond = draw.series(chart, I18n.tr("scaling.stopping.extrapolated", MethodStyle.name(c.method())),
                    MethodStyle.line(color, MethodStyle.Kind.EXTRAPOLATION), MethodStyle.symbol(color, false));
            beyond.getData().add(new XYChart.Data<>(MethodStyle.log2(lastK), OptimalStopping.value(c.fit(), lastK, lambda, cost)));
            for (double x = 0; x <= MethodStyle.log2(QualityPane.MAX_K) + 1e-9; x += 0.05) {
                double v = OptimalStopping.value(c.fit(), Math.pow(2, x), lambda, cost);
                (Math.pow(2, x) <= lastK ? curve : beyond).getData().add(new XYChart.Data<>(x, v));
                if (Math.pow(2, x) <= shownK) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            XYChart.Series<Number, Number> measured = draw.series(chart, I18n.tr("scaling.stopping.measured-series"), MethodStyle.line(color, MethodStyle.Kind.MEASURED),
                    MethodStyle.symbol(color, true));
            for (ScalingAnalysis.Point p : c.points()) {
                double v = p.quality() - lambda * cost * p.k();
                XYChart.Data<Number, Number> d = new XYChart.Data<>(MethodStyle.log2(p.k()), v);
                measured.getData().add(d);
                String tip = I18n.tr("scaling.stopping.point", MethodStyle.name(c.method()), p.k(),
                        String.format(Locale.ROOT, "%.3f − %.2g·%.3g·%d = %.3f", p.quality(), lambda, cost, p.k(), v));
                d.nodeProperty().addListener((o, a, n) -> {
                    if (n != null) {
                        javafx.scene.control.Tooltip.install(n, new javafx.scene.control.Tooltip(tip));
                    }
                });
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            double kStar = OptimalStopping.closedForm(c.fit(), lambda, cost);
            if (Double.isFinite(kStar) && kStar >= 1 && kStar <= QualityPane.MAX_K) {
                marks.put(color, kStar);
            }
        }
        if (lo > hi) {
            draw.commit();
            return;
        }
        double tick = niceStep((hi - lo) / 8);
        double bottom = Math.floor(lo / tick) * tick;
        double top = Math.ceil(hi / tick) * tick + (hi == lo ? tick : 0);
        yAxis.setLowerBound(bottom);
        yAxis.setUpperBound(top);
        yAxis.setTickUnit(tick);
        marks.forEach((color, kStar) -> {
            XYChart.Series<Number, Number> mark = draw.series(chart, "K*", MethodStyle.line(color, MethodStyle.Kind.MARKER),
                    MethodStyle.symbol(color, false));
            mark.getData().add(new XYChart.Data<>(MethodStyle.log2(kStar), bottom));
            mark.getData().add(new XYChart.Data<>(MethodStyle.log2(kStar), top));
        });
        draw.commit();
        legend.getChildren().addAll(MethodStyle.key(I18n.tr("scaling.key.fit"), MethodStyle.NEUTRAL, MethodStyle.Kind.FIT),
                MethodStyle.key(I18n.tr("scaling.key.extrapolation"), MethodStyle.NEUTRAL, MethodStyle.Kind.EXTRAPOLATION),
                MethodStyle.key(I18n.tr("scaling.key.k-star"), MethodStyle.NEUTRAL, MethodStyle.Kind.MARKER));
    }

    /** The smallest of 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, ... that is at least {@code raw}. */
    static double niceStep(double raw) {
        for (double decade = 0.01; ; decade *= 10) {
            for (double m : new double[] {1, 2, 5}) {
                if (m * decade >= raw) {
                    return m * decade;
                }
            }
        }
    }
}
