package org.reflectlab.ui.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.control.ToggleSwitch;
import org.reflectlab.core.settings.AppPaths;
import org.reflectlab.ui.kit.ChartHover;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.LiveChartFeed;
import org.reflectlab.ui.kit.LiveSeries;
import org.reflectlab.ui.kit.Keymap;
import org.reflectlab.ui.kit.SaveDialogs;
import org.reflectlab.ui.kit.Snapshots;
import static org.reflectlab.ui.kit.Localized.label;
import static org.reflectlab.ui.kit.Localized.tooltip;

/** The Train workspace: bindings to {@link TrainViewModel}. */
public final class TrainView extends BorderPane implements org.reflectlab.ui.kit.Notice.Source {

    private static final int MAX_POINTS = 600;

    /** Every key of the workspace, bound in the constructor and listed by F1. */
    public static final Keymap<TrainView> KEYS = Keymap.<TrainView>of("train.keys.title")
            .accelerator("F5", "train.keys.start", v -> v.vm.start())
            .accelerator("F6", "train.keys.pause", v -> v.vm.controls().togglePause())
            .accelerator("Shift+F5", "train.keys.stop", v -> v.vm.controls().stop())
            .accelerator("Shortcut+Shift+R", "train.keys.reset", v -> v.vm.reset())
            .accelerator("Shortcut+S", "train.keys.save", TrainView::saveCheckpoint)
            .accelerator("Shortcut+O", "train.keys.load", TrainView::loadCheckpoint);

    private final TrainViewModel vm;
    private final List<LiveSeries> lossSeries = new ArrayList<>();
    private final List<LiveSeries> qualitySeries = new ArrayList<>();
    private LiveSeries heldOut;
    private final LiveChartFeed feed = new LiveChartFeed();
    private final LineChart<Number, Number> lossChart;
    private final LineChart<Number, Number> qualityChart;
    private final Slider smoothing = new Slider(0, 0.99, 0.6);
    private final ToggleSwitch logScale = new ToggleSwitch();
    /** Held here (the locale keeps a weak reference): the sheet's rows get their names and categories again on a switch. */
    private javafx.beans.InvalidationListener relabelSheet;

    public TrainView(TrainViewModel vm) {
        this.vm = vm;
        captionPercent = Bindings.createDoubleBinding(() -> vm.monitor().tiles().bestCaptionAccuracyProperty().get() * 100,
                vm.monitor().tiles().bestCaptionAccuracyProperty());
        getStyleClass().add("train-view");
        getStylesheets().add(TrainView.class.getResource("train.css").toExternalForm());
        logScale.textProperty().bind(I18n.text("train.log-scale"));
        lossChart = chart("train.axis.step", "train.axis.loss");
        qualityChart = chart("train.axis.step", "train.axis.held-out");
        ((NumberAxis) qualityChart.getYAxis()).setAutoRanging(false);
        ((NumberAxis) qualityChart.getYAxis()).setLowerBound(0);
        ((NumberAxis) qualityChart.getYAxis()).setUpperBound(1);
        ((NumberAxis) qualityChart.getYAxis()).setTickUnit(0.2);
        // the held-out points are measurements at the evaluation steps: marked one by one, each with its step and value
        vm.monitor().lossStreams().forEach((name, stream) -> {
            LiveSeries s = new LiveSeries(stream, name, MAX_POINTS);
            s.series().nameProperty().bind(I18n.text(TrainCharts.key(name)));
            lossSeries.add(TrainCharts.HELD_OUT.equals(name) ? heldOut = s.marked(this::evalMark) : s);
        });
        vm.monitor().qualityStreams().forEach((name, stream) -> {
            LiveSeries s = new LiveSeries(stream, name, MAX_POINTS);
            s.series().nameProperty().bind(I18n.text(TrainCharts.key(name)));
            qualitySeries.add(s);
        });
        lossSeries.forEach(s -> {
            lossChart.getData().add(s.series());
            feed.add(s);
        });
        qualitySeries.forEach(s -> {
            qualityChart.getData().add(s.series());
            feed.add(s);
        });
        vm.monitor().resetsProperty().addListener((o, a, b) -> {
            lossSeries.forEach(LiveSeries::clear);
            qualitySeries.forEach(LiveSeries::clear);
        });
        ChartHover.install(lossChart, I18n.tr("train.chart.loss.what"), x -> I18n.tr("train.chart.step", x),
                y -> I18n.number(logScale.isSelected() ? Math.pow(10, y) : y, 4));
        ChartHover.install(qualityChart, I18n.tr("train.chart.quality.what"), x -> I18n.tr("train.chart.step", x),
                y -> I18n.number(y, 3));
        smoothing.valueProperty().addListener((o, a, b) -> applyTransform());
        logScale.selectedProperty().addListener((o, a, b) -> applyTransform());
        applyTransform();

        setTop(toolbar());
        SplitPane split = new SplitPane(sidePanel(), centre());
        split.setDividerPositions(0.25);
        setCenter(split);
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                feed.start();
            } else {
                feed.stop();
            }
        });
        KEYS.bind(this, this);
        // hidden a while: an idle run goes to a temporary checkpoint (charts and samples stay); shown again: it is read back
        org.reflectlab.ui.kit.Releasable.register(this, vm.spill());
    }

    private void applyTransform() {
        boolean log = logScale.isSelected();
        // evaluations are sparse measurements: averaging them with their neighbours would move the marks off the values
        lossSeries.forEach(s -> s.setTransform(s == heldOut ? 0 : smoothing.getValue(), log));
        lossChart.getYAxis().labelProperty().bind(I18n.text(log ? "train.axis.loss.log" : "train.axis.loss"));
        ((NumberAxis) lossChart.getYAxis()).setTickLabelFormatter(log ? new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return String.format(Locale.ROOT, "%.3g", Math.pow(10, n.doubleValue()));
            }

            @Override
            public Number fromString(String s) {
                return Math.log10(Double.parseDouble(s));
            }
        } : null);
    }

    /** One held-out evaluation on the loss chart: a diamond whose tooltip gives the step and the measured value. */
    private Node evalMark(double step, double shown) {
        Region mark = new Region();
        mark.getStyleClass().add("eval-mark");
        double value = logScale.isSelected() ? Math.pow(10, shown) : shown;
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(I18n.text("train.chart.eval", step, value));
        tip.setShowDelay(javafx.util.Duration.millis(100));
        Tooltip.install(mark, tip);
        return mark;
    }

    private static LineChart<Number, Number> chart(String xKey, String yKey) {
        NumberAxis xAxis = new NumberAxis();
        xAxis.labelProperty().bind(I18n.text(xKey));
        xAxis.setForceZeroInRange(false);
        NumberAxis yAxis = new NumberAxis();
        yAxis.labelProperty().bind(I18n.text(yKey));
        yAxis.setForceZeroInRange(false);
        LineChart<Number, Number> c = new LineChart<>(xAxis, yAxis);
        c.setCreateSymbols(false);
        c.setAnimated(false);
        c.getStyleClass().add("live-chart");
        return c;
    }

    /** Held in a field: a binding nothing else references would be collected, and the tile would stop updating. */
    private final javafx.beans.binding.DoubleBinding captionPercent;

    private javafx.scene.layout.FlowPane toolbar() {
        Button start = button("train.start", "train.start.tooltip", "start", vm::start, vm.commands().canStartProperty());
        Button pause = button("train.pause", "train.pause.tooltip", "pause", vm.controls()::pause, vm.commands().canPauseProperty());
        Button resume = button("train.resume", "train.resume.tooltip", "resume", vm.controls()::resume, vm.commands().canResumeProperty());
        Button stop = button("train.stop", "train.stop.tooltip", "stop", vm.controls()::stop, vm.commands().canStopProperty());
        Button reset = button("train.reset", "train.reset.tooltip", "reset", vm::reset, vm.commands().canResetProperty());
        Button save = button("train.save", "train.save.tooltip", "save-checkpoint", this::saveCheckpoint, vm.commands().canSaveProperty());
        Button load = button("train.load", "train.load.tooltip", "load-checkpoint", this::loadCheckpoint, vm.commands().canStartProperty());
        Button csv = button("train.export.csv", "train.export.csv.tooltip", "export-csv", this::exportCsv, vm.hasModelProperty());
        Button png = button("train.export.png", "train.export.png.tooltip", "export-chart", this::exportPng, new javafx.beans.property.SimpleBooleanProperty(true));
        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(100);
        progress.setMinWidth(40);
        png.setMinWidth(Region.USE_PREF_SIZE);
        progress.progressProperty().bind(Bindings.createDoubleBinding(
                () -> vm.monitor().totalStepsProperty().get() == 0 ? 0 : vm.monitor().stepProperty().get() / (double) vm.monitor().totalStepsProperty().get(),
                vm.monitor().stepProperty(), vm.monitor().totalStepsProperty()));
        Label steps = new Label();
        steps.setId("step-label");
        steps.textProperty().bind(I18n.text("train.step-of", vm.monitor().stepProperty(), vm.monitor().totalStepsProperty()));
        // a flow: on a narrow window the buttons wrap to a second row instead of being cut
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(6, 6, start, pause, resume, stop, reset, gap(), save, load, gap(),
                csv, png, gap(), steps, progress);
        bar.getStyleClass().add("workspace-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        steps.setMinWidth(Region.USE_PREF_SIZE);
        return bar;
    }

    private Button button(String key, String tipKey, String id, Runnable action, javafx.beans.value.ObservableBooleanValue enabled) {
        Button b = new Button();
        b.textProperty().bind(I18n.text(key));
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.setTooltip(tooltip(tipKey));
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.disableProperty().bind(Bindings.not(enabled));
        return b;
    }

    private ScrollPane sidePanel() {
        Label title = label("train.hyperparameters");
        title.getStyleClass().add("section-title");
        PropertySheet sheet = new PropertySheet();
        sheet.setId("hyperparameters");
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        vm.hyper().params().all().forEach(p -> sheet.getItems().add(new HyperParamItem(p, vm)));
        // a PropertySheet reads an item's name, category and description once: new items redraw it in the new language
        // (the values live in the ViewModel's parameters, so nothing typed is lost)
        relabelSheet = o -> sheet.getItems().setAll(vm.hyper().params().all().stream().map(p -> new HyperParamItem(p, vm)).toList());
        I18n.localeProperty().addListener(new javafx.beans.WeakInvalidationListener(relabelSheet));
        sheet.disableProperty().bind(vm.stateProperty().isNotEqualTo(TrainViewModel.State.IDLE));
        Label error = new Label();
        error.setId("param-error");
        error.setWrapText(true);
        error.getStyleClass().add("error-text");
        error.textProperty().bind(vm.hyper().errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());

        Label problem = new Label();
        problem.setId("train-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemProperty());
        Button lower = new Button();
        lower.textProperty().bind(I18n.text("train.lower-lr"));
        lower.setId("lower-lr");
        lower.setOnAction(e -> vm.controls().lowerLearningRateAndResume());
        lower.disableProperty().bind(vm.commands().canResumeProperty().not());
        VBox problemBox = new VBox(6, problem, lower);
        problemBox.getStyleClass().add("problem-box");
        problemBox.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problemBox.managedProperty().bind(problemBox.visibleProperty());

        Label status = new Label();
        status.setId("train-status");
        status.setWrapText(true);
        status.getStyleClass().add("muted");
        status.textProperty().bind(vm.statusProperty());

        Button quick = new Button();
        quick.textProperty().bind(I18n.text("train.preset.quick"));
        quick.setId("quick-preset");
        quick.setOnAction(e -> vm.hyper().applyQuick());
        quick.disableProperty().bind(vm.commands().canStartProperty().not());
        quick.setTooltip(tooltip("train.preset.quick.tooltip"));
        Button full = new Button();
        full.textProperty().bind(I18n.text("train.preset.full"));
        full.setId("full-preset");
        full.setOnAction(e -> vm.hyper().applyFull());
        full.disableProperty().bind(vm.commands().canStartProperty().not());
        full.setTooltip(tooltip("train.preset.full.tooltip"));
        Button shipped = new Button();
        shipped.textProperty().bind(I18n.text("train.preset.shipped"));
        shipped.setId("continue-shipped");
        shipped.setOnAction(e -> vm.continueFromShipped());
        shipped.disableProperty().bind(vm.commands().canStartProperty().not());
        shipped.setVisible(vm.canContinueFromShipped());
        shipped.setManaged(vm.canContinueFromShipped());
        shipped.setTooltip(tooltip("train.preset.shipped.tooltip"));
        for (Button b : List.of(quick, full, shipped)) {
            b.setMaxWidth(Double.MAX_VALUE);
            b.setWrapText(true);
            b.setMinHeight(Region.USE_PREF_SIZE);
        }
        VBox box = new VBox(8, problemBox, status, quick, full, shipped, title, sheet, error);
        box.setPadding(new Insets(12));
        VBox.setVgrow(sheet, Priority.ALWAYS);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setId("train-side");
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setMinWidth(260);
        return scroll;
    }

    private Node centre() {
        Node tiles = TrainTilesRow.of(vm.monitor().tiles(), captionPercent);

        CheckBox[] toggles = lossSeries.stream().map(this::seriesToggle).toArray(CheckBox[]::new);
        Label smoothValue = new Label();
        smoothValue.textProperty().bind(Bindings.format("%.2f", smoothing.valueProperty()));
        smoothValue.setMinWidth(32);
        javafx.scene.layout.FlowPane chartControls = new javafx.scene.layout.FlowPane(10, 4);
        HBox smooth = new HBox(6, label("train.smoothing"), smoothing, smoothValue, logScale);
        smooth.setAlignment(Pos.CENTER_LEFT);
        chartControls.getChildren().add(smooth);
        chartControls.getChildren().addAll(toggles);
        chartControls.setAlignment(Pos.CENTER_LEFT);
        smoothing.setPrefWidth(120);
        smoothing.setId("smoothing");
        logScale.setId("log-scale");
        VBox lossBox = new VBox(4, chartControls, lossChart);
        VBox.setVgrow(lossChart, Priority.ALWAYS);
        Label qTitle = label("train.quality.title");
        qTitle.getStyleClass().add("section-title");
        VBox qualityBox = new VBox(4, qTitle, qualityChart);
        VBox.setVgrow(qualityChart, Priority.ALWAYS);
        qualityBox.setPrefWidth(330);
        qualityBox.setMinWidth(180);
        lossBox.setMinWidth(240);
        HBox charts = new HBox(8, lossBox, qualityBox);
        HBox.setHgrow(lossBox, Priority.ALWAYS);
        VBox.setVgrow(charts, Priority.ALWAYS);

        VBox box = new VBox(8, tiles, charts, new TrainSamplesPane(vm.monitor().samplesProperty()));
        box.setPadding(new Insets(10));
        return box;
    }

    private CheckBox seriesToggle(LiveSeries s) {
        CheckBox c = new CheckBox();
        c.textProperty().bind(s.series().nameProperty());
        c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        c.setSelected(true);
        c.selectedProperty().addListener((o, a, on) -> {
            if (on && !lossChart.getData().contains(s.series())) {
                lossChart.getData().add(s.series());
            } else if (!on) {
                lossChart.getData().remove(s.series());
            }
        });
        return c;
    }

    private void saveCheckpoint() {
        if (vm.commands().canSaveProperty().get()) {
            SaveDialogs.askFolderName(this, I18n.tr("train.save.title"), AppPaths.models(), "unified-step" + vm.monitor().stepProperty().get(),
                    vm.exports()::saveCheckpoint);
        }
    }

    private void loadCheckpoint() {
        if (vm.commands().canStartProperty().get()) {
            SaveDialogs.chooseFolder(this, I18n.tr("train.load.title"), AppPaths.models(), vm::loadCheckpoint);
        }
    }

    private void exportCsv() {
        SaveDialogs.ask(this, I18n.tr("train.export.csv.title"), I18n.tr("train.export.csv.filter"), "*.csv", "unified-losses.csv", vm.exports()::csv);
    }

    private void exportPng() {
        SaveDialogs.ask(this, I18n.tr("train.export.png.title"), I18n.tr("train.export.png.filter"), "*.png", "unified-losses.png",
                f -> vm.exports().image(Snapshots.capture(lossChart), f));
    }

    private static Region gap() {
        Region r = new Region();
        r.setPrefWidth(10);
        return r;
    }

    /** For tests: the held-out evaluations' series. */
    XYChart.Series<Number, Number> heldOutSeries() {
        return heldOut.series();
    }

    /** For tests: the series currently drawn. */
    List<XYChart.Series<Number, Number>> lossChartSeries() {
        return lossChart.getData();
    }

    @Override
    public org.reflectlab.ui.kit.Notice notice() {
        return TrainNotice.of(vm);
    }
}
