package org.reflectlab.ui.aphasia;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.reflectlab.core.aphasia.Ablation;
import org.reflectlab.core.aphasia.AphasiaCache;
import org.reflectlab.core.aphasia.AphasiaModels;
import org.reflectlab.core.aphasia.AphasiaResult;
import org.reflectlab.core.aphasia.AphasiaSettings;
import org.reflectlab.core.aphasia.Metric;
import org.reflectlab.core.aphasia.MetricSummary;
import org.reflectlab.core.aphasia.Retrieval;
import org.reflectlab.core.aphasia.Route;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.settings.AppPaths;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.ui.kit.Fit;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Keymap;
import org.reflectlab.ui.kit.Notifier;
import org.reflectlab.ui.kit.SaveDialogs;
import org.reflectlab.ui.kit.Snapshots;
import org.reflectlab.ui.kit.Localized;

/**
 * The Aphasia workspace: settings and Run/Cancel; visual vs textual fidelity per metric with 95%
 * intervals and the gap per metric (click a bar to filter the browser); retrieval and modality bias;
 * a sample browser (original | visual reconstruction | caption read | textual reconstruction, with
 * the judge's verdicts). Bindings and drawing only; the state is in {@link AphasiaViewModel}.
 */
public final class AphasiaView extends BorderPane implements org.reflectlab.ui.kit.Notice.Source {

    /** Every key of the workspace, bound in the constructor and listed by F1. */
    public static final Keymap<AphasiaView> KEYS = Keymap.<AphasiaView>of("aphasia.keys.title")
            .accelerator("Shortcut+R", "aphasia.keys.run", v -> v.vm.run())
            .accelerator("Escape", "aphasia.keys.cancel", v -> v.vm.cancel());

    static final Color VISUAL = Color.web("#2f80d8");
    static final Color TEXTUAL = Color.web("#e0562b");
    static final Color ORIGINAL = Color.web("#c0c6d0");
    static final Color GAP = Color.web("#8a3ffc");

    static final List<Metric> METRICS = Arrays.asList(Metric.values());

    private final AphasiaViewModel vm;
    private final IntervalBarChart fidelity;
    private final IntervalBarChart gap;
    private final GridPane retrieval = new GridPane();
    private final VBox charts;

    public AphasiaView(AphasiaViewModel vm) {
        this.vm = vm;
        getStyleClass().add("aphasia-view");
        getStylesheets().add(AphasiaView.class.getResource("aphasia.css").toExternalForm());
        fidelity = new IntervalBarChart("aphasia.chart.fidelity", this::clickBar);
        fidelity.setId("aphasia-fidelity-chart");
        gap = new IntervalBarChart("aphasia.chart.gap", this::clickBar);
        gap.setId("aphasia-gap-chart");
        fidelity.setDescriber(i -> I18n.tr("aphasia.chart.fidelity.describe", AphasiaTexts.metric(METRICS.get(i)), AphasiaTexts.definition(METRICS.get(i))));
        gap.setDescriber(i -> I18n.tr("aphasia.chart.gap.describe", AphasiaTexts.metric(METRICS.get(i))));
        setTop(toolbar());
        HBox chartRow = new HBox(10, fidelity, gap);
        HBox.setHgrow(fidelity, Priority.ALWAYS);
        HBox.setHgrow(gap, Priority.ALWAYS);
        fidelity.setPrefSize(640, 250);
        gap.setPrefSize(480, 250);
        charts = new VBox(8, chartRow, retrievalRow());
        Tab scenes = tab("aphasia.tab.scenes", new ScenesPane(vm));
        scenes.setId("aphasia-tab-scenes");
        Tab variants = tab("aphasia.tab.variants", new VariantsPane(vm));
        variants.setId("aphasia-tab-variants");
        Tab memoryTab = tab("aphasia.tab.memory", new MemoryPane(vm));
        // its chart and frames scroll down, never sideways
        javafx.scene.control.ScrollPane telephoneScroll = new javafx.scene.control.ScrollPane(new TelephonePane(vm));
        telephoneScroll.setFitToWidth(true);
        telephoneScroll.setId("aphasia-telephone-scroll");
        Tab telephone = tab("aphasia.tab.telephone", telephoneScroll);
        telephone.setId("aphasia-tab-telephone");
        TabPane tabs = new TabPane(scenes, memoryTab, telephone, variants);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // the telephone draws its own curves: the round trip's charts give it their height while it is shown
        charts.visibleProperty().bind(tabs.getSelectionModel().selectedItemProperty().isNotEqualTo(telephone));
        charts.managedProperty().bind(charts.visibleProperty());
        VBox center = new VBox(8, problemBox(), charts, tabs, status());
        center.setPadding(new Insets(10));
        VBox.setVgrow(tabs, Priority.ALWAYS);
        setCenter(center);

        vm.resultProperty().addListener((o, a, r) -> showResult(r));
        vm.scenes().filterProperty().addListener((o, a, m) -> {
            int i = m == null ? -1 : METRICS.indexOf(m);
            fidelity.setHighlighted(i);
            gap.setHighlighted(i);
        });
        showResult(vm.resultProperty().get());
        // the charts and the retrieval table are drawn, not bound: draw them again in the new language
        I18n.localeProperty().addListener((o, a, l) -> showResult(vm.resultProperty().get()));
        KEYS.bind(this, this);
    }

    /** The app's wiring: models from the store (loaded on the first run), one cache for the session. */
    public static AphasiaView create(TaskRunner runner, Notifier notifier, ModelStore store) {
        return create(runner, notifier, store, null);
    }

    /** As {@link #create(TaskRunner, Notifier, ModelStore)}, with the last settings remembered in {@code settings} (if not null). */
    public static AphasiaView create(TaskRunner runner, Notifier notifier, ModelStore store, org.reflectlab.core.settings.Settings remembered) {
        AphasiaCache cache = new AphasiaCache(AppPaths.home().resolve("aphasia-cache"));
        AphasiaViewModel vm = new AphasiaViewModel(runner, notifier, () -> {
            Backend.start();
            return AphasiaModels.shared(store);
        }, (settings, listener) -> {
            Backend.start();
            return Ablation.run(store, Ablation.variantNames(store), settings, cache, listener);
        }, cache);
        if (remembered != null) {
            vm.remember(remembered);
        }
        AphasiaView view = new AphasiaView(vm);
        vm.restore();
        // hidden: the buffers its batches grew go at once; hidden a while: the models go, and the next run loads them again
        org.reflectlab.ui.kit.Releasable.register(view, org.reflectlab.ui.kit.Releasable.of(vm::releaseModels, () -> { }, vm::trimBuffers));
        return view;
    }

    private void clickBar(int i) {
        Metric m = METRICS.get(i);
        vm.scenes().setFilter(vm.scenes().filterProperty().get() == m ? null : m);
    }

    // Toolbar //

    private javafx.scene.layout.FlowPane toolbar() {
        Spinner<Integer> samples = new Spinner<>();
        samples.setId("aphasia-samples");
        samples.setEditable(true);
        samples.setPrefWidth(95);
        samples.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(2, AphasiaSettings.MAX_SAMPLES,
                vm.setup().samplesProperty().get(), 50));
        samples.valueProperty().addListener((o, a, b) -> vm.setup().setSamples(b));
        samples.setTooltip(tooltip("aphasia.samples.tooltip"));
        Spinner<Integer> seed = new Spinner<>();
        seed.setId("aphasia-seed");
        seed.setEditable(true);
        seed.setPrefWidth(90);
        seed.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, AphasiaSetupViewModel.MAX_SEED, vm.setup().seedProperty().get()));
        seed.valueProperty().addListener((o, a, b) -> vm.setup().setSeed(b));
        seed.setTooltip(tooltip("aphasia.seed.tooltip", AphasiaSettings.HELDOUT_SEED_BASE));
        Button run = button("aphasia.run");
        run.setId("aphasia-run");
        run.setDefaultButton(true);
        run.setOnAction(e -> vm.run());
        run.disableProperty().bind(vm.runningProperty());
        Button cancel = button("aphasia.cancel");
        cancel.setId("aphasia-cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.runningProperty().not());
        ProgressBar progress = new ProgressBar();
        progress.setId("aphasia-progress");
        progress.setPrefWidth(140);
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.runningProperty());
        Button csv = exportButton("aphasia.export.csv", "aphasia-export-csv", () -> export("aphasia.export.csv.title", "csv", "aphasia-summary.csv", 0));
        Button scenes = exportButton("aphasia.export.scenes", "aphasia-export-scenes",
                () -> export("aphasia.export.scenes.title", "csv", "aphasia-scenes.csv", 1));
        Button png = exportButton("aphasia.export.png", "aphasia-export-png", () -> export("aphasia.export.png.title", "png", "aphasia.png", 2));
        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.textProperty().bind(vm.setup().settingsErrorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        return Fit.toolbar(label("aphasia.scenes"), samples, label("aphasia.seed"), seed, run, cancel, progress, error, csv, scenes, png);
    }

    private Button exportButton(String key, String id, Runnable action) {
        Button b = button(key);
        b.setId(id);
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        b.disableProperty().bind(vm.resultProperty().isNull());
        return b;
    }

    private static Label label(String key) {
        return Localized.toolbarLabel(key);
    }

    static Button button(String key) {
        return Localized.button(key);
    }

    static Tooltip tooltip(String key, Object... args) {
        return Localized.tooltip(key, args);
    }

    private static Tab tab(String key, Node content) {
        Tab t = new Tab(null, content);
        t.textProperty().bind(I18n.text(key));
        return t;
    }

    private void export(String titleKey, String ext, String name, int kind) {
        SaveDialogs.ask(this, I18n.tr(titleKey), ext.toUpperCase(Locale.ROOT), "*." + ext, name, f -> export(kind, f));
    }

    /** 0: summary CSV, 1: per-scene CSV, 2: PNG of the charts (captured here, on the FX thread). */
    void export(int kind, Path file) {
        switch (kind) {
            case 0 -> vm.exports().csv(file);
            case 1 -> vm.exports().samplesCsv(file);
            default -> vm.exports().png(Snapshots.capture(charts), file);
        }
    }

    private Node problemBox() {
        Label problem = new Label();
        problem.setId("aphasia-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemProperty());
        VBox box = new VBox(problem);
        box.getStyleClass().add("problem-box");
        box.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node status() {
        Label status = new Label();
        status.setId("aphasia-status");
        status.getStyleClass().add("muted");
        status.textProperty().bind(vm.statusProperty());
        return status;
    }

    // Charts and figures //

    private Node retrievalRow() {
        retrieval.setId("aphasia-retrieval");
        retrieval.setHgap(14);
        retrieval.setVgap(2);
        retrieval.getStyleClass().add("panel-card");
        retrieval.setMinWidth(Region.USE_PREF_SIZE);
        Label defs = new Label();
        defs.textProperty().bind(I18n.text("aphasia.defs", org.reflectlab.core.aphasia.AttributeAgreement.FINE_TOLERANCE_PX));
        Fit.wrapped(defs);
        defs.getStyleClass().add("muted");
        HBox.setHgrow(defs, Priority.ALWAYS);
        HBox row = new HBox(12, retrieval, defs);
        return row;
    }

    private void showResult(AphasiaResult r) {
        retrieval.getChildren().clear();
        if (r == null) {
            fidelity.setData(List.of(), List.of(), 0, 1);
            gap.setData(List.of(), List.of(), -0.1, 0.1);
            retrieval.add(new Label(I18n.tr("aphasia.retrieval.empty")), 0, 0);
            return;
        }
        List<String> names = METRICS.stream().map(AphasiaTexts::metric).toList();
        fidelity.setData(names, List.of(series(I18n.tr("aphasia.series.original"), ORIGINAL, r, Route.ORIGINAL),
                series(I18n.tr("aphasia.series.visual"), VISUAL, r, Route.VISUAL),
                series(I18n.tr("aphasia.series.textual"), TEXTUAL, r, Route.TEXTUAL)), 0, 1);
        double[] mean = new double[names.size()];
        double[] low = new double[names.size()];
        double[] high = new double[names.size()];
        double lo = 0;
        double hi = 0.05;
        for (int i = 0; i < names.size(); i++) {
            MetricSummary.Interval g = r.summary(METRICS.get(i)).gap();
            mean[i] = g.mean();
            low[i] = g.low();
            high[i] = g.high();
            lo = Math.min(lo, g.low());
            hi = Math.max(hi, g.high());
        }
        gap.setData(names, List.of(new IntervalBarChart.Series(I18n.tr("aphasia.series.gap"), GAP, mean, low, high)), lo * 1.15, hi * 1.15);
        Retrieval q = r.retrieval();
        addRow(0, "", "R@1", "R@5");
        addRow(1, "aphasia.retrieval.i2t", f(q.imageToTextAt1()), f(q.imageToTextAt5()));
        addRow(2, "aphasia.retrieval.t2i", f(q.textToImageAt1()), f(q.textToImageAt5()));
        addRow(3, "aphasia.retrieval.same", f(q.sameModalityShare()), "");
        addRow(4, "aphasia.retrieval.centroid", f(q.centroidGap()), "");
        addRow(5, "aphasia.retrieval.psnr", I18n.tr("aphasia.retrieval.db", r.psnr().visual().mean()),
                I18n.tr("aphasia.retrieval.db", r.psnr().textual().mean()));
    }

    private void addRow(int row, String nameKey, String a, String b) {
        Label n = new Label(nameKey.isEmpty() ? "" : I18n.tr(nameKey));
        if (row == 3 || row == 4) {
            org.reflectlab.ui.kit.GlossaryView.explain(n, "modality bias");
        }
        n.getStyleClass().add(row == 0 ? "table-head" : "section-title");
        Label x = new Label(a);
        if (a.equals("R@1")) {
            org.reflectlab.ui.kit.GlossaryView.explain(x, "R@1");
        }
        Label y = new Label(b);
        x.getStyleClass().add(row == 0 ? "table-head" : "num");
        y.getStyleClass().add(row == 0 ? "table-head" : "num");
        retrieval.addRow(row, n, x, y);
    }

    private static String f(double v) {
        return I18n.number(v, 3);
    }

    private static IntervalBarChart.Series series(String name, Color color, AphasiaResult r, Route route) {
        int n = METRICS.size();
        double[] mean = new double[n];
        double[] low = new double[n];
        double[] high = new double[n];
        for (int i = 0; i < n; i++) {
            Metric m = METRICS.get(i);
            MetricSummary.Interval v = r.summary(m).of(route);
            boolean skip = route == Route.ORIGINAL && m == Metric.PIXELS; // identical by definition
            mean[i] = skip ? Double.NaN : v.mean();
            low[i] = skip ? Double.NaN : v.low();
            high[i] = skip ? Double.NaN : v.high();
        }
        return new IntervalBarChart.Series(name, color, mean, low, high);
    }

    static Label imageTitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("image-title");
        return l;
    }

    @Override
    public org.reflectlab.ui.kit.Notice notice() {
        return new org.reflectlab.ui.kit.Notice(I18n.tr("aphasia.notice.claim"), I18n.tr("aphasia.notice.paper"),
                I18n.text(() -> AphasiaTexts.measured(vm.resultProperty().get()), vm.resultProperty()),
                I18n.tr("aphasia.notice.look-for"), null,
                "\\text{gap}_m = \\frac{1}{n}\\sum_{i=1}^{n} \\big(s^{\\text{vis}}_{i,m} - s^{\\text{txt}}_{i,m}\\big)",
                List.of("modal aphasia", "fine position", "R@1", "modality bias", "judge", "PSNR", "bootstrap interval"));
    }
}
