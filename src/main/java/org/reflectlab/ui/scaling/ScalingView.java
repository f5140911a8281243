package org.reflectlab.ui.scaling;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.reflectlab.ui.kit.Fit;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Keymap;
import org.reflectlab.ui.kit.SaveDialogs;
import org.reflectlab.ui.kit.Snapshots;
import static org.reflectlab.ui.kit.Localized.label;
import static org.reflectlab.ui.kit.Localized.tooltip;

/** The Scaling workspace: sweep setup and stored sweeps on the left, the analysis in tabs. */
public final class ScalingView extends BorderPane implements org.reflectlab.ui.kit.Notice.Source {

    /** Every key of the workspace, bound in the constructor and listed by F1. */
    public static final Keymap<ScalingView> KEYS = Keymap.<ScalingView>of("scaling.keys.title")
            .accelerator("Shortcut+R", "scaling.keys.run", v -> v.vm.run())
            .accelerator("Escape", "scaling.keys.cancel", v -> v.vm.cancel());

    private final ScalingViewModel vm;
    private final QualityPane quality;
    private final StoppingPane stopping;

    public ScalingView(ScalingViewModel vm) {
        this.vm = vm;
        getStyleClass().add("scaling-view");
        getStylesheets().add(ScalingView.class.getResource("scaling.css").toExternalForm());
        quality = new QualityPane(vm);
        stopping = new StoppingPane(vm);
        TabPane tabs = new TabPane(tab("scaling.tab.quality", quality), tab("scaling.tab.stopping", stopping),
                tab("scaling.tab.compare", new ComparePane(vm)), tab("scaling.tab.fits", new FitsPane(vm)));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("scaling-tabs");
        vm.stored().pointTitleProperty().addListener((o, a, b) -> tabs.getSelectionModel().select(3));
        vm.compareK().comparingProperty().addListener((o, a, on) -> {
            if (on) {
                tabs.getSelectionModel().select(2);
            }
        });
        setLeft(setup());
        setCenter(tabs);
        KEYS.bind(this, this);
        vm.open();
        // hidden a while: the models go (sweeps and charts stay); shown again: they load back on a worker
        org.reflectlab.ui.kit.Releasable.register(this, org.reflectlab.ui.kit.Releasable.of(vm::release, vm::rebuild));
    }

    private VBox setup() {
        CheckBox bon = check("scaling.method.bon", vm.setup().bestOfNProperty(), "method-bon");
        CheckBox reflect = check("scaling.method.reflect", vm.setup().reflectProperty(), "method-reflect");
        CheckBox ttt = check("scaling.method.ttt", vm.setup().tttProperty(), "method-ttt");
        TextField ks = new TextField();
        ks.setId("k-list");
        ks.textProperty().bindBidirectional(vm.setup().ksProperty());
        ks.setTooltip(tooltip("scaling.setup.ks.tooltip"));
        Spinner<Integer> prompts = new Spinner<>(1, 50, vm.setup().perCategoryProperty().get());
        prompts.setEditable(true);
        prompts.setId("prompts-per-category");
        prompts.valueProperty().addListener((o, a, b) -> vm.setup().perCategoryProperty().set(b));
        vm.setup().perCategoryProperty().addListener((o, a, b) -> prompts.getValueFactory().setValue(b.intValue()));
        Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, vm.setup().seedProperty().get());
        seed.setEditable(true);
        seed.valueProperty().addListener((o, a, b) -> vm.setup().seedProperty().set(b));
        vm.setup().seedProperty().addListener((o, a, b) -> seed.getValueFactory().setValue(b.intValue()));
        TextField name = new TextField();
        name.setId("sweep-name");
        name.textProperty().bindBidirectional(vm.setup().nameProperty());
        GridPane form = new GridPane();
        form.setHgap(6);
        form.setVgap(6);
        form.addRow(0, Fit.whole(label("scaling.setup.ks")), ks);
        form.addRow(1, Fit.whole(label("scaling.setup.prompts")), prompts);
        form.addRow(2, Fit.whole(label("scaling.setup.seed")), seed);
        form.addRow(3, Fit.whole(label("scaling.setup.name")), name);
        prompts.setPrefWidth(80);
        seed.setPrefWidth(110);
        Button run = new Button();
        run.textProperty().bind(I18n.text("scaling.run"));
        run.setId("sweep-run");
        run.getStyleClass().add("accent");
        run.setOnAction(e -> vm.run());
        run.disableProperty().bind(vm.runningProperty().or(vm.modelsReadyProperty().not()));
        run.setTooltip(tooltip("scaling.run.tooltip"));
        Button cancel = new Button();
        cancel.textProperty().bind(I18n.text("scaling.cancel"));
        cancel.setId("sweep-cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.runningProperty().not().and(vm.compareK().comparingProperty().not()));
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(vm.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        Label status = new Label();
        status.setId("sweep-status");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        ListView<StoredSweeps.Run> runs = new ListView<>(vm.stored().runs());
        runs.setId("runs");
        runs.setPrefHeight(170);
        runs.setCellFactory(l -> new RunCell());
        runs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.stored().select(b));
        vm.stored().currentProperty().addListener((o, a, b) -> {
            if (b != null && runs.getSelectionModel().getSelectedItem() != b) {
                runs.getSelectionModel().select(b);
            }
        });
        Button useSettings = new Button();
        useSettings.textProperty().bind(I18n.text("scaling.use-settings"));
        useSettings.setId("runs-use-settings");
        useSettings.setOnAction(e -> vm.useSettingsOf(vm.stored().currentProperty().get()));
        useSettings.disableProperty().bind(vm.stored().currentProperty().isNull().or(vm.runningProperty()));
        useSettings.setTooltip(tooltip("scaling.use-settings.tooltip"));
        MenuButton export = new MenuButton();
        export.textProperty().bind(I18n.text("scaling.export"));
        export.setId("export");
        MenuItem csv = new MenuItem();
        csv.textProperty().bind(I18n.text("scaling.export.csv"));
        csv.setOnAction(e -> save(I18n.tr("scaling.export.csv.title"), "CSV", "*.csv", "sweep.csv", vm::exportCsv));
        MenuItem json = new MenuItem();
        json.textProperty().bind(I18n.text("scaling.export.json"));
        json.setOnAction(e -> save(I18n.tr("scaling.export.json.title"), "JSON", "*.json", "fits.json", vm::exportJson));
        MenuItem png = new MenuItem();
        png.textProperty().bind(I18n.text("scaling.export.png"));
        png.setOnAction(e -> exportCharts());
        export.getItems().addAll(csv, json, png);
        export.disableProperty().bind(vm.stored().currentProperty().isNull());
        Label methods = label("scaling.setup.methods");
        methods.getStyleClass().add("section");
        Label stored = label("scaling.setup.stored");
        stored.setWrapText(true);
        stored.getStyleClass().add("section");
        VBox box = new VBox(8, methods, bon, reflect, ttt, form, new HBox(8, run, cancel), bar, status, stored, runs,
                new HBox(8, useSettings, export));
        box.setPadding(new Insets(10));
        box.setPrefWidth(270);
        box.getStyleClass().add("setup");
        VBox.setVgrow(runs, Priority.ALWAYS);
        return box;
    }

    private static Tab tab(String key, javafx.scene.Node content) {
        Tab t = new Tab();
        t.textProperty().bind(I18n.text(key));
        t.setContent(content);
        return t;
    }

    private static CheckBox check(String key, javafx.beans.property.BooleanProperty p, String id) {
        CheckBox c = new CheckBox();
        c.textProperty().bind(I18n.text(key));
        c.selectedProperty().bindBidirectional(p);
        c.setId(id);
        return c;
    }

    /** A stored sweep: its name, and a box to overlay it on the current one. */
    private final class RunCell extends ListCell<StoredSweeps.Run> {
        @Override
        protected void updateItem(StoredSweeps.Run run, boolean empty) {
            super.updateItem(run, empty);
            if (empty || run == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            CheckBox overlay = new CheckBox();
            overlay.setSelected(vm.stored().overlays().contains(run));
            overlay.setDisable(run == vm.stored().currentProperty().get());
            overlay.setOnAction(e -> vm.stored().toggleOverlay(run));
            overlay.setTooltip(new Tooltip(I18n.tr("scaling.overlay.tooltip")));
            Label l = Fit.wrapped(new Label(run.toString()));
            HBox.setHgrow(l, Priority.ALWAYS);
            setGraphic(new HBox(6, overlay, l));
            setText(null);
            setPrefWidth(0); // as wide as the list: a long sweep name wraps instead of scrolling sideways
        }
    }

    private void save(String title, String what, String pattern, String name, java.util.function.Consumer<Path> action) {
        SaveDialogs.ask(this, title, what, pattern, name, action);
    }

    private void exportCharts() {
        File dir = new DirectoryChooser().showDialog(getScene().getWindow());
        if (dir == null) {
            return;
        }
        // captured here (snapshots need the FX thread), written in the background
        Map<String, org.reflectlab.core.data.RgbImage> images = new LinkedHashMap<>();
        images.put("quality-vs-k.png", Snapshots.capture(quality.charts().get(0)));
        images.put("quality-vs-nfe.png", Snapshots.capture(quality.charts().get(1)));
        images.put("optimal-stopping.png", Snapshots.capture(stopping.chart()));
        vm.exportCharts(images, dir.toPath());
    }

    @Override
    public org.reflectlab.ui.kit.Notice notice() {
        return new org.reflectlab.ui.kit.Notice(I18n.tr("scaling.notice.claim"), I18n.tr("scaling.notice.paper"),
                org.reflectlab.ui.kit.Notice.measured(vm.stored().currentProperty(), run -> {
                    // one whole clause per method (its own pattern), listed with the language's separator
                    java.util.List<String> methods = new java.util.ArrayList<>();
                    for (var c : run.analysis().curves().values()) {
                        var last = c.points().get(c.points().size() - 1);
                        methods.add(c.fit() == null ? I18n.tr("scaling.notice.method.no-fit", MethodStyle.name(c.method()), last.quality(),
                                last.k(), last.nfe(), org.reflectlab.core.scaling.ScalingAnalysis.MIN_FIT_POINTS)
                                : I18n.tr("scaling.notice.method", MethodStyle.name(c.method()), last.quality(), last.k(), last.nfe(),
                                c.fit().gamma()));
                    }
                    return I18n.tr("scaling.notice.measured", run.store().name(), String.join(I18n.tr("scaling.notice.separator"), methods));
                }),
                I18n.tr("scaling.notice.look-for"), null,
                "Q(K) = Q_\\infty - A\\,K^{-\\gamma},\\qquad K^* = \\Big(\\frac{A\\gamma}{\\lambda c}\\Big)^{1/(\\gamma+1)}",
                java.util.List.of("power-law fit", "K*", "NFE", "bootstrap interval", "best-of-N", "test-time training"));
    }
}
