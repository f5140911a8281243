package org.reflectlab.ui.reflect;

import java.util.List;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.reflectlab.core.data.ImageDiff;
import org.reflectlab.core.data.SceneObject;
import org.reflectlab.core.reflect.Iteration;
import org.reflectlab.ui.kit.Fit;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Images;
import org.reflectlab.ui.kit.PixelView;
import org.reflectlab.ui.kit.Keymap;

/** The Reflect workspace: bindings to {@link ReflectViewModel}. */
public final class ReflectView extends BorderPane implements org.reflectlab.ui.kit.Notice.Source {

    /** Every key of the workspace, bound below and listed by F1. */
    public static final Keymap<ReflectView> KEYS = Keymap.<ReflectView>of("reflect.keys.title")
            .accelerator("Shortcut+Enter", "reflect.keys.run", v -> v.vm.run())
            .accelerator("Escape", "reflect.keys.cancel", v -> v.vm.cancel())
            .accelerator("Shortcut+P", "reflect.keys.play", v -> v.play.setSelected(!v.play.isSelected()))
            .key("Left", "reflect.keys.previous", v -> v.vm.steps().previous())
            .key("Right", "reflect.keys.next", v -> v.vm.steps().next())
            .key("Home", "reflect.keys.first", v -> v.vm.steps().first())
            .key("End", "reflect.keys.last", v -> v.vm.steps().last())
            .key("C", "reflect.keys.changes", v -> v.vm.changes().toggleShowChanges());

    private static final int DEFAULT_ZOOM = 7;
    /** The iteration image's box: a 32 px image at the default zoom, plus the frame. */
    private static final double IMAGE_BOX = 250;
    private static final double DIFF_BOX = 100;

    private final ReflectViewModel vm;
    /** The amplified difference from the previous iteration; shown among the iteration's details. */
    private VBox changesBox;
    private final PixelView image = new PixelView();
    private final ImageView diff = new ImageView();
    private final VBox details = new VBox(6);
    private final Filmstrip filmstrip;
    private final ChangeNotes changeNotes;
    private final HBox comparison = new HBox(12);
    private final TextField promptField = new TextField();
    private final ToggleButton play = new ToggleButton();
    /** Held here (the locale keeps a weak reference): the iteration's details and the comparison are made again on a switch. */
    private final javafx.beans.InvalidationListener relabel = o -> relabel();
    private final Timeline player = new Timeline(new KeyFrame(Duration.millis(800), e -> advance()));
    private final Slider scrub = new Slider(1, 1, 1);

    public ReflectView(ReflectViewModel vm) {
        this.vm = vm;
        this.filmstrip = new Filmstrip(vm.steps());
        this.changeNotes = new ChangeNotes(vm.changes());
        getStyleClass().add("reflect-view");
        getStylesheets().add(ReflectView.class.getResource("reflect.css").toExternalForm());
        player.setCycleCount(Timeline.INDEFINITE);
        setTop(new ReflectToolbar(vm, promptField));
        setCenter(centre());
        setBottom(bottom());
        vm.steps().currentProperty().addListener((o, a, it) -> show(it));
        vm.steps().selectedProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0) {
                scrub.setValue(b.intValue() + 1);
            }
        });
        vm.steps().bestOfK().addListener((ListChangeListener<Iteration>) c -> rebuildComparison());
        scrub.valueProperty().addListener((o, a, b) -> vm.steps().select((int) Math.round(b.doubleValue()) - 1));
        play.selectedProperty().addListener((o, a, on) -> {
            if (on) {
                if (vm.steps().atEnd()) {
                    vm.steps().first();
                }
                player.play();
            } else {
                player.stop();
            }
        });
        sceneProperty().addListener((o, a, s) -> {
            if (s == null) {
                play.setSelected(false);
            }
        });
        KEYS.bind(this, this);
        vm.loadModels();
        // hidden a while: the models go (the results stay); shown again: they load back on a worker
        org.reflectlab.ui.kit.Releasable.register(this, org.reflectlab.ui.kit.Releasable.of(vm::releaseModels, vm::loadModels));
        play.textProperty().bind(I18n.text("reflect.play"));
        I18n.localeProperty().addListener(new javafx.beans.WeakInvalidationListener(relabel));
        relabel();
    }

    private void relabel() {
        show(vm.steps().currentProperty().get());
        rebuildComparison();
    }

    private void advance() {
        if (vm.steps().atEnd()) {
            play.setSelected(false);
        } else {
            vm.steps().next();
        }
    }

    private Node centre() {
        Slider zoom = new Slider(2, 16, DEFAULT_ZOOM);
        zoom.setId("zoom");
        zoom.setMajorTickUnit(2);
        zoom.setSnapToTicks(true);
        image.zoomProperty().bind(Bindings.createIntegerBinding(() -> (int) Math.round(zoom.getValue()), zoom.valueProperty()));
        image.setId("iteration-image");
        // one fixed size for every iteration and run: the panel never jumps as iterations arrive
        image.setMinSize(IMAGE_BOX, IMAGE_BOX);
        image.setPrefSize(IMAGE_BOX, IMAGE_BOX);
        image.setMaxSize(IMAGE_BOX, IMAGE_BOX);
        // each run starts at the default zoom, centred on the image
        vm.runningProperty().addListener((o, a, running) -> {
            if (running) {
                zoom.setValue(DEFAULT_ZOOM);
                image.centre();
            }
        });
        vm.changes().overlayProperty().addListener((o, a, mask) -> drawChanges(mask));
        drawChanges(vm.changes().overlayProperty().get());
        ToggleButton showChanges = new ToggleButton();
        showChanges.textProperty().bind(I18n.text("reflect.show-changes"));
        showChanges.setId("show-changes");
        showChanges.selectedProperty().bindBidirectional(vm.changes().showChangesProperty());
        showChanges.setTooltip(ReflectToolbar.tooltip("reflect.show-changes.tooltip"));
        showChanges.setMinWidth(Region.USE_PREF_SIZE);
        HBox zoomRow = new HBox(6, Fit.whole(label("reflect.zoom")), zoom, showChanges);
        zoomRow.setAlignment(Pos.CENTER_LEFT);
        Label diffTitle = label("reflect.diff.title");
        diffTitle.getStyleClass().setAll("label");
        diffTitle.getStyleClass().add("muted");
        diffTitle.setWrapText(true);
        diffTitle.setMinHeight(Region.USE_PREF_SIZE);
        Label noDiff = label("reflect.diff.none");
        noDiff.getStyleClass().setAll("label");
        noDiff.getStyleClass().add("muted");
        noDiff.visibleProperty().bind(diff.imageProperty().isNull());
        javafx.scene.layout.StackPane diffBox = new javafx.scene.layout.StackPane(noDiff, diff);
        diffBox.setAlignment(Pos.CENTER_LEFT);
        diffBox.setMinHeight(DIFF_BOX);
        diffBox.setPrefHeight(DIFF_BOX);
        changesBox = new VBox(4, diffTitle, diffBox);
        VBox left = new VBox(6, image, zoomRow);
        left.setPadding(new Insets(10));
        left.setMinWidth(IMAGE_BOX + 20);
        left.setPrefWidth(IMAGE_BOX + 20);
        left.setMaxWidth(IMAGE_BOX + 20);

        details.setId("iteration-details");
        details.setPadding(new Insets(10));
        ScrollPane detailScroll = new ScrollPane(details);
        detailScroll.setFitToWidth(true);
        HBox.setHgrow(detailScroll, Priority.ALWAYS);

        Label cmpTitle = Fit.wrapped(label("reflect.comparison.title"));
        cmpTitle.getStyleClass().setAll("label");
        cmpTitle.getStyleClass().add("section-title");
        comparison.setId("comparison");
        VBox cmp = new VBox(6, cmpTitle, comparison);
        cmp.setPadding(new Insets(10));
        cmp.getStyleClass().add("card");
        cmp.visibleProperty().bind(vm.form().compareProperty());
        cmp.managedProperty().bind(cmp.visibleProperty());

        // The comparison belongs to the iteration's tab: the labs beside it need the height.
        VBox iterationTab = new VBox(10, detailScroll, cmp);
        VBox.setVgrow(detailScroll, Priority.ALWAYS);
        VBox right = new VBox(labs(iterationTab));
        VBox.setVgrow(right.getChildren().get(0), Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        return new HBox(0, left, right);
    }

    /** The iteration's details, and beside them the labs that work on the run. */
    private javafx.scene.control.TabPane labs(Node iterationDetails) {
        javafx.scene.control.Tab details = tab("reflect.tab.iteration", iterationDetails);
        javafx.scene.control.Tab critic = tab("reflect.tab.critic", scrolled(new CriticPane(vm.critic(), vm.steps().currentProperty())));
        critic.setId("tab-critic");
        javafx.scene.control.Tab budget = tab("reflect.tab.budget", scrolled(new BudgetPane(vm.budget())));
        budget.setId("tab-budget");
        javafx.scene.control.Tab readers = tab("reflect.tab.readers", scrolled(new ReadersPane(vm.readers())));
        readers.setId("tab-readers");
        javafx.scene.control.Tab predict = tab("reflect.tab.predict", scrolled(new PredictPane(vm.form().prediction())));
        predict.setId("tab-predict");
        javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(details, predict, critic, budget, readers);
        tabs.setId("reflect-labs");
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private static javafx.scene.control.Tab tab(String key, Node content) {
        javafx.scene.control.Tab t = new javafx.scene.control.Tab(null, content);
        t.textProperty().bind(I18n.text(key));
        return t;
    }

    private static ScrollPane scrolled(Node content) {
        ScrollPane s = new ScrollPane(content);
        s.setFitToWidth(true);
        return s;
    }

    private Node bottom() {
        Button first = nav("reflect.nav.first", "first", vm.steps()::first, "reflect.nav.first.tooltip");
        Button prev = nav("reflect.nav.previous", "previous", vm.steps()::previous, "reflect.nav.previous.tooltip");
        Button next = nav("reflect.nav.next", "next", vm.steps()::next, "reflect.nav.next.tooltip");
        Button last = nav("reflect.nav.last", "last", vm.steps()::last, "reflect.nav.last.tooltip");
        play.setId("play");
        play.setTooltip(ReflectToolbar.tooltip("reflect.play.tooltip"));
        play.disableProperty().bind(Bindings.size(vm.steps().iterations()).lessThan(2));
        scrub.setId("scrub");
        scrub.setMajorTickUnit(1);
        scrub.setMinorTickCount(0);
        scrub.setSnapToTicks(true);
        scrub.setShowTickMarks(true);
        scrub.maxProperty().bind(Bindings.max(1, Bindings.size(vm.steps().iterations())));
        scrub.disableProperty().bind(Bindings.size(vm.steps().iterations()).lessThan(2));
        HBox.setHgrow(scrub, Priority.ALWAYS);
        HBox nav = new HBox(6, first, prev, play, next, last, scrub);
        nav.setAlignment(Pos.CENTER_LEFT);
        filmstrip.setPadding(new Insets(6));
        ScrollPane strip = new ScrollPane(filmstrip);
        strip.setPrefHeight(128);
        strip.setFitToHeight(true);
        VBox box = new VBox(6, nav, strip);
        box.setPadding(new Insets(8, 10, 8, 10));
        box.getStyleClass().add("bottom-bar");
        return box;
    }

    private Button nav(String key, String id, Runnable action, String tipKey) {
        Button b = new Button();
        b.textProperty().bind(I18n.text(key));
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.setTooltip(ReflectToolbar.tooltip(tipKey));
        b.disableProperty().bind(Bindings.isEmpty(vm.steps().iterations()));
        return b;
    }

    /** The selected iteration's details (their labels made once: {@link IterationLabels}). */
    private void show(Iteration it) {
        if (it == null) {
            image.setImage(null);
            diff.setImage(null);
            details.getChildren().setAll(labels.hint());
            return;
        }
        image.setImage(it.image());
        Iteration before = vm.steps().previousOfCurrent();
        diff.setImage(before == null ? null : Images.toFx(ImageDiff.heatmap(before.image(), it.image(), 3f), 3));
        labels.fill(it, vm);
        if (details.getChildren().size() != 11) {
            details.getChildren().setAll(labels.title, changeNotes, changesBox, labels.critic, labels.sees, labels.judge,
                    changeNotes.disagreement(), changeNotes.why(), labels.judgeNote, labels.numbers, labels.context);
        }
    }

    private final IterationLabels labels = new IterationLabels();

    private void drawChanges(ChangeMask mask) {
        image.setOverlay(mask == null ? null : zoom -> ChangeOverlay.render(mask, zoom));
    }

    private void rebuildComparison() {
        comparison.getChildren().clear();
        var run = vm.lastRunProperty().get();
        if (vm.steps().bestOfK().isEmpty() || run == null) {
            Label none = new Label(I18n.tr("reflect.comparison.none"));
            none.getStyleClass().add("muted");
            comparison.getChildren().add(none);
            return;
        }
        Iteration reflected = run.last();
        Iteration chosen = vm.steps().bestOfK().get(Math.max(0, vm.steps().bestChosenProperty().get()));
        Iteration lastCandidate = vm.steps().bestOfK().get(vm.steps().bestOfK().size() - 1);
        comparison.getChildren().addAll(
                verdictCard("Reflect-DiT", reflected, reflected.nfe()),
                verdictCard(I18n.tr("reflect.comparison.best-of", vm.steps().bestOfK().size(), chosen.k()), chosen, lastCandidate.nfe()));
    }

    private VBox verdictCard(String title, Iteration it, double nfe) {
        Label t = new Label(title);
        t.getStyleClass().add("strong");
        Label v = new Label(I18n.tr(it.judgeCorrect() ? "reflect.card.correct" : "reflect.card.wrong", nfe));
        v.getStyleClass().add(it.judgeCorrect() ? "good" : "bad");
        return new VBox(4, t, new ImageView(Images.toFx(it.image(), 3)), v);
    }


    private static Label label(String text) {
        return ReflectToolbar.label(text);
    }


    /** For tests. */
    TextField promptField() {
        return promptField;
    }

    @Override
    public org.reflectlab.ui.kit.Notice notice() {
        return ReflectNotice.of(vm);
    }
}
