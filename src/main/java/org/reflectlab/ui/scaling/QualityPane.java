package org.reflectlab.ui.scaling;

import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.reflectlab.core.data.Category;
import org.reflectlab.core.scaling.Method;
import org.reflectlab.core.scaling.PowerLawFit;
import org.reflectlab.core.scaling.PublishedReference;
import org.reflectlab.core.scaling.ScalingAnalysis;

/**
 * Quality against K (log scale) with bootstrap bands, the fitted power law through the points
 * and dashed beyond them to K=100, the paper's published numbers as a separate reference, and
 * overlaid earlier sweeps; beside it quality against measured compute in NFE. Clicking a
 * measured point lists the prompts behind it.
 */
final class QualityPane extends VBox {

    static final double MAX_K = 100;
    private final ScalingViewModel vm;
    private final LineChart<Number, Number> byK;
    private final LineChart<Number, Number> byNfe;
    private final ComboBox<String> category = new ComboBox<>();
    private final FlowPane legend = MethodStyle.legend();

    QualityPane(ScalingViewModel vm) {
        this.vm = vm;
        setSpacing(6);
        setPadding(new Insets(8));
        NumberAxis q1 = qualityAxis();
        byK = new LineChart<>(MethodStyle.log2KAxis(MAX_K), q1);
        NumberAxis nfe = new NumberAxis();
        nfe.setLabel("compute per answer (NFE, measured)");
        nfe.setForceZeroInRange(true);
        byNfe = new LineChart<>(nfe, qualityAxis());
        for (LineChart<Number, Number> c : List.of(byK, byNfe)) {
            c.setAnimated(false);
            c.setLegendVisible(false);
            c.setCreateSymbols(true);
            HBox.setHgrow(c, Priority.ALWAYS);
        }
        byK.setId("quality-by-k");
        byK.setTitle("GenEval-lite score vs K");
        byNfe.setId("quality-by-nfe");
        byNfe.setTitle("Score vs compute");
        category.getItems().add("Overall (mean of categories)");
        Category.GENEVAL.forEach(c -> category.getItems().add(c.key()));
        category.getSelectionModel().select(0);
        category.setId("category");
        category.valueProperty().addListener((o, a, b) -> redraw());
        HBox charts = new HBox(8, byK, byNfe);
        VBox.setVgrow(charts, Priority.ALWAYS);
        Label note = new Label("Bands: bootstrap 95% over prompts. Solid: power-law fit Q(K) = Q∞ − A/K^γ over the measured K; "
                + "dashed: its extrapolation to K=100. Purple: numbers published for Reflect-DiT on the real GenEval (reference only).");
        note.setWrapText(true);
        note.getStyleClass().add("hint");
        getChildren().addAll(new HBox(8, new Label("Score:"), category), legend, charts, note);
        vm.currentProperty().addListener((o, a, b) -> redraw());
        vm.overlays().addListener((ListChangeListener<ScalingViewModel.Run>) c -> redraw());
        redraw();
    }

    private static NumberAxis qualityAxis() {
        NumberAxis y = new NumberAxis(0, 1, 0.1);
        y.setAutoRanging(false);
        y.setLabel("GenEval-lite score (judge)");
        return y;
    }

    List<LineChart<Number, Number>> charts() {
        return List.of(byK, byNfe);
    }

    private Category selectedCategory() {
        int i = category.getSelectionModel().getSelectedIndex();
        return i <= 0 ? null : Category.GENEVAL.get(i - 1);
    }

    /** The point's score overall, or in the chosen category. */
    private double value(ScalingAnalysis.Point p) {
        Category c = selectedCategory();
        return c == null ? p.quality() : p.perCategory().getOrDefault(c, Double.NaN);
    }

    void redraw() {
        byK.getData().clear();
        byNfe.getData().clear();
        legend.getChildren().clear();
        ScalingViewModel.Run run = vm.currentProperty().get();
        if (run == null) {
            byK.setTitle("No sweep yet: set one up on the left and press Run");
            return;
        }
        byK.setTitle("GenEval-lite score vs K · " + run.store().name());
        boolean overall = selectedCategory() == null;
        for (ScalingAnalysis.Curve c : run.analysis().curves().values()) {
            String color = MethodStyle.color(c.method());
            legend.getChildren().add(MethodStyle.key(c.method().label(), color, false));
            if (overall) {
                band(c, color);
            }
            XYChart.Series<Number, Number> pts = MethodStyle.series(byK, c.method().label(), MethodStyle.line(color, false, 0.01),
                    MethodStyle.symbol(color, true));
            XYChart.Series<Number, Number> cost = MethodStyle.series(byNfe, c.method().label(), MethodStyle.line(color, false, 2),
                    MethodStyle.symbol(color, true));
            for (ScalingAnalysis.Point p : c.points()) {
                XYChart.Data<Number, Number> d = new XYChart.Data<>(MethodStyle.log2(p.k()), value(p));
                pts.getData().add(d);
                clickable(d, c.method(), p);
                XYChart.Data<Number, Number> e = new XYChart.Data<>(p.nfe(), value(p));
                cost.getData().add(e);
                clickable(e, c.method(), p);
            }
            if (overall && c.fit() != null) {
                fitted(c.fit(), c.ks(), color);
            }
            if (overall) {
                List<PublishedReference.Point> ref = PublishedReference.of(c.method());
                if (!ref.isEmpty()) {
                    XYChart.Series<Number, Number> r = MethodStyle.series(byK, "published " + c.method().label(),
                            MethodStyle.line(MethodStyle.REFERENCE, true, 1), MethodStyle.symbol(MethodStyle.REFERENCE, true));
                    ref.forEach(p -> r.getData().add(new XYChart.Data<>(MethodStyle.log2(p.n()), p.geneval())));
                }
            }
        }
        if (overall && run.analysis().curves().keySet().stream().anyMatch(m -> !PublishedReference.of(m).isEmpty())) {
            legend.getChildren().add(MethodStyle.key("published (Reflect-DiT paper, GenEval)", MethodStyle.REFERENCE, true));
        }
        for (ScalingViewModel.Run o : vm.overlays()) {
            for (ScalingAnalysis.Curve c : o.analysis().curves().values()) {
                String color = MethodStyle.color(c.method()) + "80";
                XYChart.Series<Number, Number> s = MethodStyle.series(byK, o.store().name() + " " + c.method().label(),
                        MethodStyle.line(color, true, 1.5), MethodStyle.symbol(color, true));
                c.points().forEach(p -> s.getData().add(new XYChart.Data<>(MethodStyle.log2(p.k()), value(p))));
            }
            legend.getChildren().add(MethodStyle.key("overlay: " + o.store().name(), "#868e96", true));
        }
    }

    private void band(ScalingAnalysis.Curve c, String color) {
        XYChart.Series<Number, Number> lo = MethodStyle.series(byK, c.method().label() + " 2.5%", MethodStyle.line(color + "66", false, 1),
                MethodStyle.symbol(color, false));
        XYChart.Series<Number, Number> hi = MethodStyle.series(byK, c.method().label() + " 97.5%", MethodStyle.line(color + "66", false, 1),
                MethodStyle.symbol(color, false));
        for (ScalingAnalysis.Point p : c.points()) {
            lo.getData().add(new XYChart.Data<>(MethodStyle.log2(p.k()), p.low()));
            hi.getData().add(new XYChart.Data<>(MethodStyle.log2(p.k()), p.high()));
        }
    }

    private void fitted(PowerLawFit.Fit fit, double[] ks, String color) {
        double lastK = ks[ks.length - 1];
        XYChart.Series<Number, Number> in = MethodStyle.series(byK, "fit", MethodStyle.line(color, false, 2), MethodStyle.symbol(color, false));
        XYChart.Series<Number, Number> out = MethodStyle.series(byK, "extrapolation", MethodStyle.line(color, true, 2),
                MethodStyle.symbol(color, false));
        for (double x = 0; x <= MethodStyle.log2(MAX_K) + 1e-9; x += 0.05) {
            double k = Math.pow(2, x);
            double q = Math.max(0, Math.min(1, fit.at(k)));
            (k <= lastK ? in : out).getData().add(new XYChart.Data<>(x, q));
        }
        out.getData().add(0, new XYChart.Data<>(MethodStyle.log2(lastK), Math.max(0, Math.min(1, fit.at(lastK)))));
    }

    private void clickable(XYChart.Data<Number, Number> d, Method m, ScalingAnalysis.Point p) {
        String tip = String.format(Locale.ROOT, "%s, K=%d: %.3f [%.3f, %.3f] over %d prompts, %.1f NFE, %.2f s per answer. Click for its prompts.",
                m.label(), p.k(), p.quality(), p.low(), p.high(), p.prompts(), p.nfe(), p.secondsPerAnswer());
        Runnable install = () -> {
            Tooltip.install(d.getNode(), new Tooltip(tip));
            d.getNode().setOnMouseClicked(e -> vm.openPoint(m, p.k()));
            d.getNode().setStyle(d.getNode().getStyle() + " -fx-cursor: hand;");
        };
        if (d.getNode() != null) {
            install.run();
        } else {
            d.nodeProperty().addListener((o, a, n) -> {
                if (n != null) {
                    install.run();
                }
            });
        }
    }
}
