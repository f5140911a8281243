package org.reflectlab.ui.world;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.world.ActionScript;
import org.reflectlab.core.world.Comparison;
import org.reflectlab.core.world.ModelKind;
import org.reflectlab.core.world.WorldSpec;
import org.reflectlab.ui.kit.Fit;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Localized;
import org.reflectlab.ui.kit.Keymap;
import org.reflectlab.ui.kit.Notifier;
import org.reflectlab.ui.kit.SaveDialogs;

/**
 * The World workspace: settings toolbar, then three modes: the rollout (four sequences side by side
 * at the scrubber's frame, the error chart with its cursor, the metrics), live play, and the
 * alpha sweep. Bindings only; the state is in the ViewModels.
 */
public final class WorldView extends BorderPane implements org.reflectlab.ui.kit.Notice.Source {

    /** Height of everything in the rollout page but the frames (toolbar, scrubber, prediction row, chart, metrics), for sizing the frames. */
    private static final double FIXED_HEIGHT = 640;

    /** The rollout scrubber's keys, bound in the constructor and listed by F1. */
    public static final Keymap<WorldView> KEYS = Keymap.<WorldView>of("world.keys.rollout.title")
            .accelerator("Space", "world.keys.play-pause", v -> v.onRolloutTab(v.scrubber::togglePlay))
            .accelerator("Left", "world.keys.back", v -> v.onRolloutTab(v.scrubber::stepBack))
            .accelerator("Right", "world.keys.forward", v -> v.onRolloutTab(v.scrubber::stepForward))
            .accelerator("Shift+Left", "world.keys.back10", v -> v.onRolloutTab(() -> v.scrubber.seek(v.scrubber.frame() - 10)))
            .accelerator("Shift+Right", "world.keys.forward10", v -> v.onRolloutTab(() -> v.scrubber.seek(v.scrubber.frame() + 10)))
            .accelerator("Home", "world.keys.first", v -> v.onRolloutTab(v.scrubber::home))
            .accelerator("End", "world.keys.last", v -> v.onRolloutTab(v.scrubber::end));

    private static final List<ModelKind> KINDS = List.of(ModelKind.TRUTH, ModelKind.EXPLICIT, ModelKind.IMPLICIT, ModelKind.HYBRID);

    private final WorldViewModel vm;
    private final ScrubberViewModel scrubber;
    private final Map<ModelKind, FramePanel> panels = new EnumMap<>(ModelKind.class);
    private final ErrorChart errorChart;
    private final MetricsTable metrics = new MetricsTable();
    private ToggleButton rolloutMode;
    private final HBox frameRow = new HBox(10);
    private final PlayPane playPane;
    private final EndPredictionBar predictBar;
    private int scale = 5;
    private long lastPulse;
    private final AnimationTimer player = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (lastPulse != 0) {
                scrubber.advance((now - lastPulse) / 1e9);
            }
            lastPulse = now;
        }
    };

    public WorldView(WorldViewModel vm, PlayViewModel play, SweepViewModel sweep) {
        this.vm = vm;
        this.scrubber = vm.scrubber();
        getStyleClass().add("world-view");
        getStylesheets().add(WorldView.class.getResource("world.css").toExternalForm());
        errorChart = new ErrorChart(scrubber::seek);
        predictBar = new EndPredictionBar(vm.prediction(), scrubber);
        playPane = new PlayPane(play);
        setTop(toolbar());
        Node rollout = rolloutTab();
        Node sweepPane = new SweepPane(sweep);
        ToggleButton rolloutMode = mode("world.mode.rollout", "mode-rollout", rollout);
        ToggleButton playMode = mode("world.mode.play", "mode-play", playPane);
        ToggleButton sweepMode = mode("world.mode.sweep", "mode-sweep", sweepPane);
        SegmentedButton modes = new SegmentedButton(rolloutMode, playMode, sweepMode);
        modes.setId("world-modes");
        modes.getToggleGroup().selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                a.setSelected(true); // one mode is always shown
                return;
            }
            if (t != playMode) {
                play.stop();
            } else {
                playPane.stageFocus();
            }
            if (t == rolloutMode) {
                frameRow.requestFocus();
            }
            scrubber.pause();
        });
        rolloutMode.setSelected(true);
        StackPane pages = new StackPane(rollout, playPane, sweepPane);
        Label status = new Label();
        status.setId("world-status");
        status.getStyleClass().add("muted");
        status.textProperty().bind(vm.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        status.setAlignment(Pos.CENTER_RIGHT);
        // the status sits beside the mode buttons, where it costs no height
        HBox modeBar = new HBox(12, modes, Fit.wrapped(status));
        modeBar.setAlignment(Pos.CENTER_LEFT);
        modeBar.setPadding(new Insets(8, 10, 0, 10));
        setCenter(new VBox(modeBar, pages));
        VBox.setVgrow(pages, Priority.ALWAYS);
        this.rolloutMode = rolloutMode;

        vm.comparisonProperty().addListener((o, a, c) -> {
            if (c != null) {
                errorChart.setData(c);
                metrics.show(c);
            }
            drawFrames();
        });
        vm.modelProblemProperty().addListener((o, a, b) -> drawFrames());
        // the frames' titles and captions are set, not bound: draw them again in the new language
        I18n.localeProperty().addListener((o, a, l) -> {
            panels.forEach((k, p) -> p.setTitle(title(k)));
            drawFrames();
        });
        vm.prediction().outcomeProperty().addListener((o, a, b) -> drawFrames());
        vm.prediction().input().valueProperty().addListener((o, a, b) -> drawFrames());
        scrubber.frameProperty().addListener((o, a, k) -> {
            drawFrames();
            errorChart.setCursor(k.intValue());
        });
        frameRow.widthProperty().addListener((o, a, w) -> rescale());
        heightProperty().addListener((o, a, h) -> rescale());
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                lastPulse = 0;
                player.start();
                frameRow.requestFocus();
            } else {
                player.stop();
                scrubber.pause();
                play.stop();
            }
        });
        KEYS.bind(this, this);
        drawFrames();
        // hidden a while: the models go unless live play or a sweep runs (the rollout on screen stays); back: loaded on a worker
        org.reflectlab.ui.kit.Releasable.register(this, org.reflectlab.ui.kit.Releasable.of(
                () -> vm.release(play.runningProperty().get() || sweep.runningProperty().get()), vm::rebuild));
    }

    /** Builds the three ViewModels and starts loading the models in the background. */
    public static WorldView create(TaskRunner runner, Notifier notifier, ModelStore store) {
        return create(runner, notifier, store, null);
    }

    /** As {@link #create(TaskRunner, Notifier, ModelStore)}, with the last settings remembered in {@code settings} (if not null). */
    public static WorldView create(TaskRunner runner, Notifier notifier, ModelStore store, org.reflectlab.core.settings.Settings settings) {
        WorldViewModel vm = WorldViewModel.forStore(runner, notifier, store);
        if (settings != null) {
            vm.remember(settings);
        }
        WorldView view = new WorldView(vm, new PlayViewModel(runner, notifier, vm), new SweepViewModel(runner, notifier, vm));
        vm.loadModels();
        return view;
    }

    private void onRolloutTab(Runnable r) {
        if (rolloutMode.isSelected()) {
            r.run();
        }
    }

    /** A mode button that shows its page while selected. */
    private static ToggleButton mode(String key, String id, Node page) {
        ToggleButton b = new ToggleButton();
        b.textProperty().bind(I18n.text(key));
        b.setId(id);
        b.setFocusTraversable(false);
        page.visibleProperty().bind(b.selectedProperty());
        page.managedProperty().bind(b.selectedProperty());
        return b;
    }

    // Toolbar //

    private javafx.scene.layout.FlowPane toolbar() {
        Spinner<Integer> seed = new Spinner<>();
        seed.setId("world-seed");
        seed.setEditable(true);
        seed.setPrefWidth(100);
        seed.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, RolloutSettingsViewModel.MAX_SEED,
                (int) vm.settings().seedProperty().get()));
        seed.valueProperty().addListener((o, a, b) -> vm.settings().setSeed(b));
        seed.setTooltip(tooltip("world.seed.tooltip"));
        ComboBox<Integer> balls = new ComboBox<>();
        balls.setId("world-balls");
        balls.getItems().setAll(1, 2, 3);
        balls.setValue(vm.settings().ballsProperty().get());
        balls.valueProperty().addListener((o, a, b) -> vm.settings().setBalls(b));
        ComboBox<ActionScript> actions = new ComboBox<>();
        actions.setId("world-actions");
        actions.getItems().setAll(ActionScript.values());
        actions.setValue(vm.settings().scriptProperty().get());
        org.reflectlab.ui.kit.NamedChoices.named(actions, WorldView::scriptNames);
        actions.valueProperty().addListener((o, a, b) -> vm.settings().setScript(b));
        actions.setTooltip(tooltip("world.pushes.tooltip"));
        Spinner<Integer> horizon = new Spinner<>();
        horizon.setId("world-horizon");
        horizon.setEditable(true);
        horizon.setPrefWidth(85);
        horizon.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, WorldSpec.MAX_HORIZON,
                vm.settings().horizonProperty().get(), 10));
        horizon.valueProperty().addListener((o, a, b) -> vm.settings().setHorizon(b));
        horizon.setTooltip(tooltip("world.horizon.tooltip", WorldSpec.MAX_HORIZON));
        Slider alpha = new Slider(0, 1, vm.settings().alphaProperty().get());
        alpha.setId("world-alpha");
        alpha.setPrefWidth(130);
        alpha.setBlockIncrement(0.05);
        alpha.valueProperty().addListener((o, a, b) -> vm.settings().setAlpha(Math.round(b.doubleValue() * 100) / 100.0));
        vm.settings().alphaProperty().addListener((o, a, b) -> alpha.setValue(b.doubleValue()));
        alpha.setTooltip(tooltip("world.alpha.tooltip"));
        Label alphaValue = new Label();
        alphaValue.setId("world-alpha-value");
        alphaValue.textProperty().bind(I18n.text(() -> I18n.number(vm.settings().alphaProperty().get(), 2), vm.settings().alphaProperty()));
        alphaValue.setMinWidth(32);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty());
        Button png = new Button();
        png.textProperty().bind(I18n.text("world.export.png"));
        png.setId("world-export-png");
        png.setOnAction(e -> export("world.export.png.title", "png", "world-seed" + vm.settings().seedProperty().get() + ".png", true));
        png.disableProperty().bind(vm.comparisonProperty().isNull());
        png.setFocusTraversable(false);
        Button csv = new Button();
        csv.textProperty().bind(I18n.text("world.export.csv"));
        csv.setId("world-export-csv");
        csv.setOnAction(e -> export("world.export.csv.title", "csv", "world-seed" + vm.settings().seedProperty().get() + ".csv", false));
        csv.disableProperty().bind(vm.comparisonProperty().isNull());
        csv.setFocusTraversable(false);
        return Fit.toolbar(label("world.seed"), seed, label("world.balls"), balls, label("world.pushes"), actions,
                label("world.horizon"), horizon, label("world.alpha"), alpha, alphaValue, busy, png, csv);
    }

    private static Label label(String key) {
        return Localized.toolbarLabel(key);
    }

    static Tooltip tooltip(String key, Object... args) {
        return Localized.tooltip(key, args);
    }

    private static javafx.util.StringConverter<ActionScript> scriptNames() {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(ActionScript a) {
                return a == null ? "" : WorldTexts.script(a).text();
            }

            @Override
            public ActionScript fromString(String s) {
                return null;
            }
        };
    }

    private void export(String titleKey, String ext, String name, boolean png) {
        SaveDialogs.ask(this, I18n.tr(titleKey), ext.toUpperCase(Locale.ROOT), "*." + ext, name,
                png ? vm::exportStrip : vm::exportCsv);
    }

    // Rollout tab //

    private Node rolloutTab() {
        for (ModelKind k : KINDS) {
            FramePanel p = new FramePanel("frame-" + k.key(), title(k));
            panels.put(k, p);
            frameRow.getChildren().add(p);
        }
        javafx.scene.image.ImageView truth = panels.get(ModelKind.TRUTH).imageView();
        truth.setOnMouseClicked(e -> vm.prediction().guessAt(e.getX() / truth.getBoundsInLocal().getWidth(),
                e.getY() / truth.getBoundsInLocal().getHeight())); // a click on the truth is a guess of where the ball ends
        frameRow.setId("world-frames");
        frameRow.setAlignment(Pos.CENTER);
        frameRow.setFocusTraversable(true);
        frameRow.setOnMouseClicked(e -> frameRow.requestFocus());
        Label problem = new Label();
        problem.setId("world-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.modelProblemProperty());
        Button reload = new Button();
        reload.textProperty().bind(I18n.text("world.reload"));
        reload.setId("world-reload");
        reload.setOnAction(e -> vm.loadModels());
        VBox problemBox = new VBox(6, problem, reload);
        problemBox.getStyleClass().add("problem-box");
        problemBox.visibleProperty().bind(vm.modelProblemProperty().isNotEmpty());
        problemBox.managedProperty().bind(problemBox.visibleProperty());
        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.textProperty().bind(vm.settings().settingsErrorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        VBox.setVgrow(errorChart, Priority.ALWAYS);
        // tall enough for the plot, its tick labels and the x label: squeezed below this the chart drew its labels over its neighbours
        errorChart.setMinHeight(130);
        ModelCard card = new ModelCard(vm);
        HBox bottom = new HBox(12, metrics, card);
        HBox.setHgrow(card, Priority.ALWAYS);
        // no ScrollPane here: it would swallow the arrow, Home, End and Space keys the scrubber uses
        VBox box = new VBox(8, problemBox, frameRow, new ScrubberBar(scrubber), predictBar, errorChart.legend(), errorChart, bottom,
                error);
        box.setPadding(new Insets(10));
        return box;
    }

    /** Frames as large as the width allows, and small enough that the chart and metrics still fit below them. */
    private void rescale() {
        double width = frameRow.getWidth();
        int byWidth = (int) ((width - 4 * 30) / 4 / WorldViewModel.FRAME_SIZE);
        int byHeight = (int) ((getHeight() - FIXED_HEIGHT) / WorldViewModel.FRAME_SIZE);
        int s = Math.max(2, Math.min(6, Math.min(byWidth, byHeight)));
        if (s != scale) {
            scale = s;
            drawFrames();
        }
    }

    private void drawFrames() {
        Comparison c = vm.comparisonProperty().get();
        int k = scrubber.frame();
        for (ModelKind kind : KINDS) {
            FramePanel p = panels.get(kind);
            if (c == null) {
                p.unavailable(vm.busyProperty().get() ? I18n.tr("world.frame.loading") : "", scale);
            } else if (!c.has(kind)) {
                p.unavailable(I18n.tr("world.frame.no-implicit"), scale);
            } else if (k > c.horizon()) {
                p.unavailable("", scale);
            } else {
                String caption = kind == ModelKind.TRUTH ? I18n.tr("world.frame.position", k, c.horizon())
                        : k == 0 ? I18n.tr("world.frame.context") : I18n.tr("world.frame.error", c.metrics().get(kind).errors()[k - 1]);
                p.show(c.frame(kind, k), scale, caption);
            }
            if (c != null && c.has(kind) && k <= c.horizon()) {
                predictBar.mark(p, kind, k == c.horizon(), scale);
            } else {
                p.mark(null, null, scale);
            }
        }
    }

    /** A sequence's title in the current language ("Ground truth", "Explicit"...). */
    static String title(ModelKind k) {
        return WorldTexts.title(k);
    }

    /** For tests. */
    ErrorChart errorChart() {
        return errorChart;
    }

    FramePanel panel(ModelKind k) {
        return panels.get(k);
    }

    @Override
    public org.reflectlab.ui.kit.Notice notice() {
        return WorldNotice.of(vm.comparisonProperty());
    }
}
