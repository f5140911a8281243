package org.reflectlab.ui.scaling;

import java.util.ArrayList;
import java.util.List;
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
import javafx.scene.paint.Color;
import org.reflectlab.core.data.Category;
import org.reflectlab.core.scaling.Method;
import org.reflectlab.core.scaling.PowerLawFit;
import org.reflectlab.core.scaling.PublishedReference;
import org.reflectlab.core.scaling.ScalingAnalysis;
import org.reflectlab.ui.kit.BandedLineChart;
import org.reflectlab.ui.kit.Fit;
import org.reflectlab.ui.kit.I18n;

/**
 * Quality against K (log scale) with bootstrap bands, the fitted power law through the points
 * and dashed beyond them to K=100, the paper's published numbers as a separate reference, and
 * overlaid earlier sweeps; beside it quality against measured compute in NFE. Clicking a
 * measured point lists the prompts behind it.
 */
final class QualityPane extends VBox {

    static final double MAX_K = 100;
    private final ScalingViewModel vm;
    private final BandedLineChart byK;
    private final LineChart<Number, Number> byNfe;
    private final ComboBox<String> category = new ComboBox<>();
    private final FlowPane legend = MethodStyle.legend();
    private final Label sweepName = new Label();
    /** Held here: the locale keeps only a weak reference, so a closed pane is not kept alive by it. */
    private final javafx.beans.InvalidationListener relabel = o -> redraw();
    /** The sweep shown, its prediction and the overlays change together while a sweep runs: one redraw for them. */
    private final org.reflectlab.ui.kit.CoalescedRedraw due = new org.reflectlab.ui.kit.CoalescedRedraw(this::redraw);

    QualityPane(ScalingViewModel vm) {
        this.vm = vm;
        setSpacing(6);
        setPadding(new Insets(8));
        NumberAxis q1 = qualityAxis();
        byK = new BandedLineChart(MethodStyle.log2KAxis(MAX_K), q1);
        NumberAxis nfe = new NumberAxis();
        nfe.labelProperty().bind(I18n.text("scaling.axis.nfe"));
        nfe.setForceZeroInRange(true);
        byNfe = new LineChart<>(nfe, qualityAxis());
        for (LineChart<Number, Number> c : List.of(byK, byNfe)) {
            c.setAnimated(false);
            c.setLegendVisible(false);
            c.setCreateSymbols(false); // only points meant to be seen get symbols (MethodStyle.Drawing)
            HBox.setHgrow(c, Priority.ALWAYS);
        }
        byK.setId("quality-by-k");
        byK.titleProperty().bind(I18n.text("scaling.chart.by-k"));
        byNfe.setId("quality-by-nfe");
        byNfe.titleProperty().bind(I18n.text("scaling.chart.by-nfe"));
        category.getItems().add("");
        Category.GENEVAL.forEach(c -> category.getItems().add(c.key()));
        category.getSelectionModel().select(0);
        category.setId("category");
        // the items are ids ("" for overall), shown in the current language; a new converter redraws them on a switch
        category.setConverter(MethodStyle.converterOf(this::categoryName));
        category.setMinWidth(Fit.width(I18n.tr("scaling.category.overall")) + 40);
        I18n.localeProperty().addListener((o, a, b) -> category.setConverter(MethodStyle.converterOf(this::categoryName)));
        I18n.localeProperty().addListener(new javafx.beans.WeakInvalidationListener(relabel));
        category.valueProperty().addListener((o, a, b) -> redraw());
        HBox charts = new HBox(8, byK, byNfe);
        VBox.setVgrow(charts, Priority.ALWAYS);
        Label note = new Label();
        note.textProperty().bind(I18n.text("scaling.quality.note", ScalingAnalysis.MIN_FIT_POINTS));
        note.setWrapText(true);
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        note.getStyleClass().add("hint");
        org.reflectlab.ui.kit.GlossaryView.explain(note, "bootstrap interval");
        sweepName.setId("quality-sweep");
        Fit.wrapped(sweepName);
        Label score = new Label();
        score.textProperty().bind(I18n.text("scaling.quality.score"));
        HBox head = new HBox(8, Fit.whole(score), category, sweepName);
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(sweepName, Priority.ALWAYS);
        getChildren().addAll(head, predictionRow(), legend, charts, note);
        vm.stored().currentProperty().addListener((o, a, b) -> due.request());
        vm.setup().prediction().shownProperty().addListener((o, a, b) -> due.request());
        vm.stored().overlays().addListener((ListChangeListener<StoredSweeps.Run>) c -> due.request());
        redraw();
    }

    /** Predict, then reveal: the method and scores per K, typed before Run; the reveal of the sweep shown below them. */
    private VBox predictionRow() {
        CurvePredictionViewModel p = vm.setup().prediction();
        ComboBox<Method> method = new ComboBox<>();
        method.getItems().setAll(Method.values());
        method.valueProperty().bindBidirectional(p.methodProperty());
        method.setConverter(MethodStyle.converterOf(MethodStyle::name));
        I18n.localeProperty().addListener((o, a, b) -> method.setConverter(MethodStyle.converterOf(MethodStyle::name)));
        method.setId("predict-method");
        javafx.scene.control.TextField scores = new javafx.scene.control.TextField();
        scores.setId("predict-curve");
        scores.setPromptText("1: 0.40, 4: 0.55, 20: 0.70");
        scores.setPrefColumnCount(16);
        scores.textProperty().bindBidirectional(p.input().textProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(I18n.text("scaling.predict.tooltip"));
        scores.setTooltip(tip);
        Label ask = Fit.whole(new Label());
        ask.textProperty().bind(I18n.text("scaling.predict.ask"));
        ask.getStyleClass().add("section");
        FlowPane row = new FlowPane(8, 4, ask, method, scores);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label error = Fit.wrapped(new Label());
        error.setId("predict-curve-error");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(p.input().errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        Label reveal = Fit.wrapped(new Label());
        reveal.setId("predict-curve-reveal");
        reveal.getStyleClass().add("predict-reveal");
        reveal.textProperty().bind(p.revealProperty());
        reveal.managedProperty().bind(reveal.textProperty().isNotEmpty());
        return new VBox(2, row, error, reveal);
    }

    /** The prediction stored with the sweep, under its measured points: accent squares joined by a dotted line. */
    private void drawPrediction(MethodStyle.Drawing draw) {
        org.reflectlab.core.scaling.CurvePrediction guess = vm.setup().prediction().shownProperty().get();
        if (guess == null) {
            return;
        }
        String accent = "#ff7043";
        XYChart.Series<Number, Number> s = draw.series(byK, I18n.tr("scaling.predict.series"), MethodStyle.line(accent, MethodStyle.Kind.REFERENCE),
                "-fx-background-color: " + accent + ", white; -fx-background-insets: 0, 2; -fx-background-radius: 0; -fx-padding: 4px;");
        guess.points().forEach((k, q) -> {
            XYChart.Data<Number, Number> d = new XYChart.Data<>(MethodStyle.log2(k), q);
            s.getData().add(d);
            tooltip(d, I18n.tr("scaling.predict.point", MethodStyle.name(guess.method()), k, q));
        });
        legend.getChildren().add(MethodStyle.key(I18n.tr("scaling.predict.key", MethodStyle.name(guess.method())), accent,
                MethodStyle.Kind.REFERENCE));
    }

    private static NumberAxis qualityAxis() {
        NumberAxis y = new NumberAxis(0, 1, 0.1);
        y.setAutoRanging(false);
        y.labelProperty().bind(I18n.text("scaling.axis.score"));
        return y;
    }

    List<LineChart<Number, Number>> charts() {
        return List.of(byK, byNfe);
    }

    /** A category's name in the current language; "" is the overall score. */
    private String categoryName(String key) {
        return key == null || key.isEmpty() ? I18n.tr("scaling.category.overall")
                : org.reflectlab.ui.kit.CategoryNames.name(Category.GENEVAL.stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow());
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
        legend.getChildren().clear();
        MethodStyle.Drawing draw = new MethodStyle.Drawing(List.of(byK, byNfe));
        List<BandedLineChart.Band> bands = new ArrayList<>();
        StoredSweeps.Run run = vm.stored().currentProperty().get();
        if (run == null) {
            draw.commit();
            byK.setBands(bands);
            sweepName.setText(I18n.tr("scaling.quality.none"));
            return;
        }
        sweepName.setText(I18n.tr("scaling.quality.sweep", run.store().name()));
        boolean overall = selectedCategory() == null;
        boolean anyFit = false;
        boolean anyExtrapolation = false;
        if (overall) {
            drawPrediction(draw); // first, so the measured points are drawn over it
        }
        for (ScalingAnalysis.Curve c : run.analysis().curves().values()) {
            String color = MethodStyle.color(c.method());
            legend.getChildren().add(MethodStyle.key(MethodStyle.name(c.method()), color, MethodStyle.Kind.MEASURED));
            if (overall) {
                bands.add(band(c, color));
            }
            XYChart.Series<Number, Number> pts = draw.series(byK, MethodStyle.name(c.method()), MethodStyle.line(color, MethodStyle.Kind.MEASURED),
                    MethodStyle.symbol(color, true));
            XYChart.Series<Number, Number> cost = draw.series(byNfe, MethodStyle.name(c.method()), MethodStyle.line(color, MethodStyle.Kind.FIT),
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
                anyExtrapolation |= fitted(draw, c.fit(), c.ks(), color);
                anyFit = true;
            }
            if (overall) {
                List<PublishedReference.Point> ref = PublishedReference.of(c.method());
                if (!ref.isEmpty()) {
                    XYChart.Series<Number, Number> r = draw.series(byK, I18n.tr("scaling.published.series", MethodStyle.name(c.method())),
                            MethodStyle.line(MethodStyle.REFERENCE, MethodStyle.Kind.REFERENCE), MethodStyle.referenceSymbol());
                    ref.forEach(p -> {
                        XYChart.Data<Number, Number> d = new XYChart.Data<>(MethodStyle.log2(p.n()), p.geneval());
                        r.getData().add(d);
                        tooltip(d, I18n.tr("scaling.published.point", MethodStyle.name(c.method()), p.n(), p.geneval(), p.source()));
                    });
                }
            }
        }
        byK.setBands(bands);
        if (overall) {
            legend.getChildren().add(MethodStyle.bandKey(I18n.tr("scaling.key.interval"), MethodStyle.NEUTRAL));
            if (anyFit) {
                legend.getChildren().add(MethodStyle.key(I18n.tr("scaling.key.fit"), MethodStyle.NEUTRAL, MethodStyle.Kind.FIT));
            }
            if (anyExtrapolation) {
                legend.getChildren().add(MethodStyle.key(I18n.tr("scaling.key.extrapolation"), MethodStyle.NEUTRAL, MethodStyle.Kind.EXTRAPOLATION));
            }
        }
        if (overall && run.analysis().curves().keySet().stream().anyMatch(m -> !PublishedReference.of(m).isEmpty())) {
            legend.getChildren().add(MethodStyle.key(I18n.tr("scaling.key.published"), MethodStyle.REFERENCE, MethodStyle.Kind.REFERENCE));
        }
        for (StoredSweeps.Run o : vm.stored().overlays()) {
            for (ScalingAnalysis.Curve c : o.analysis().curves().values()) {
                String color = MethodStyle.color(c.method()) + "99";
                XYChart.Series<Number, Number> s = draw.series(byK, I18n.tr("scaling.overlay.series", o.store().name(), MethodStyle.name(c.method())),
                        MethodStyle.line(color, MethodStyle.Kind.OVERLAY), MethodStyle.symbol(color, true));
                c.points().forEach(p -> {
                    XYChart.Data<Number, Number> d = new XYChart.Data<>(MethodStyle.log2(p.k()), value(p));
                    s.getData().add(d);
                    tooltip(d, I18n.tr("scaling.overlay.point", o.store().name(), MethodStyle.name(c.method()), p.k(), value(p)));
                });
            }
            legend.getChildren().add(MethodStyle.key(I18n.tr("scaling.key.overlay", o.store().name()), MethodStyle.NEUTRAL,
                    MethodStyle.Kind.OVERLAY));
        }
        draw.commit();
    }

    private static BandedLineChart.Band band(ScalingAnalysis.Curve c, String color) {
        List<ScalingAnalysis.Point> pts = c.points();
        double[] x = new double[pts.size()];
        double[] lo = new double[pts.size()];
        double[] hi = new double[pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            x[i] = MethodStyle.log2(pts.get(i).k());
            lo[i] = pts.get(i).low();
            hi[i] = pts.get(i).high();
        }
        return new BandedLineChart.Band(I18n.tr("scaling.band", MethodStyle.name(c.method())), x, lo, hi, Color.web(color));
    }

    /** Draws the fit over the measured K and, dashed, beyond it to K=100; true if an extrapolation was drawn. */
    private boolean fitted(MethodStyle.Drawing draw, PowerLawFit.Fit fit, double[] ks, String color) {
        double lastK = ks[ks.length - 1];
        XYChart.Series<Number, Number> in = draw.series(byK, I18n.tr("scaling.key.fit"), MethodStyle.line(color, MethodStyle.Kind.FIT),
                MethodStyle.symbol(color, false));
        XYChart.Series<Number, Number> out = draw.series(byK, I18n.tr("scaling.key.extrapolation"), MethodStyle.line(color, MethodStyle.Kind.EXTRAPOLATION),
                MethodStyle.symbol(color, false));
        for (double x = 0; x <= MethodStyle.log2(MAX_K) + 1e-9; x += 0.05) {
            double k = Math.pow(2, x);
            double q = Math.max(0, Math.min(1, fit.at(k)));
            (k <= lastK ? in : out).getData().add(new XYChart.Data<>(x, q));
        }
        out.getData().add(0, new XYChart.Data<>(MethodStyle.log2(lastK), Math.max(0, Math.min(1, fit.at(lastK)))));
        return out.getData().size() > 1;
    }

    private static void tooltip(XYChart.Data<Number, Number> d, String text) {
        Runnable install = () -> {
            Tooltip t = new Tooltip(text);
            t.setWrapText(true);
            t.setMaxWidth(380);
            t.setShowDelay(javafx.util.Duration.millis(200));
            Tooltip.install(d.getNode(), t);
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

    private void clickable(XYChart.Data<Number, Number> d, Method m, ScalingAnalysis.Point p) {
        Category cat = selectedCategory();
        tooltip(d, cat == null ? I18n.tr("scaling.point.overall", MethodStyle.name(m), p.k(), value(p), p.low(), p.high(), p.prompts(),
                p.nfe(), p.secondsPerAnswer())
                : I18n.tr("scaling.point.category", MethodStyle.name(m), p.k(), categoryName(cat.key()), value(p), p.prompts(), p.nfe(),
                p.secondsPerAnswer()));
        Runnable install = () -> {
            d.getNode().setOnMouseClicked(e -> vm.stored().openPoint(m, p.k()));
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
