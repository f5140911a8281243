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
import org.reflectlab.ui.kit.GlossaryView;
import org.reflectlab.ui.kit.Images;
import org.reflectlab.ui.kit.PixelView;
import org.reflectlab.ui.kit.Keymap;

/** The Reflect workspace: bindings to {@link ReflectViewModel}. */
public final class ReflectView extends BorderPane implements org.reflectlab.ui.kit.Notice.Source {

    /** Every key of the workspace, bound below and listed by F1. */
    public static final Keymap<ReflectView> KEYS = Keymap.<ReflectView>of("Reflect")
            .accelerator("Shortcut+Enter", "run reflection", v -> v.vm.run())
            .accelerator("Escape", "cancel after the current iteration", v -> v.vm.cancel())
            .accelerator("Shortcut+P", "play / stop stepping through the iterations", v -> v.play.setSelected(!v.play.isSelected()))
            .key("Left", "previous iteration", v -> v.vm.steps().previous())
            .key("Right", "next iteration", v -> v.vm.steps().next())
            .key("Home", "first iteration", v -> v.vm.steps().first())
            .key("End", "last iteration", v -> v.vm.steps().last())
            .key("C", "show or hide what changed since the iteration before", v -> v.vm.changes().toggleShowChanges());

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
    private final ToggleButton play = new ToggleButton("Play");
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
        show(null);
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
        ToggleButton showChanges = new ToggleButton("Show changes");
        showChanges.setId("show-changes");
        showChanges.selectedProperty().bindBidirectional(vm.changes().showChangesProperty());
        showChanges.setTooltip(new Tooltip("Outline the pixels that changed from the previous iteration (C)"));
        showChanges.setMinWidth(Region.USE_PREF_SIZE);
        HBox zoomRow = new HBox(6, Fit.whole(label("Zoom")), zoom, showChanges);
        zoomRow.setAlignment(Pos.CENTER_LEFT);
        Label diffTitle = new Label("Change from the previous iteration, amplified 3x");
        diffTitle.getStyleClass().add("muted");
        diffTitle.setWrapText(true);
        diffTitle.setMinHeight(Region.USE_PREF_SIZE);
        Label noDiff = new Label("(none for the first iteration)");
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

        Label cmpTitle = Fit.wrapped(new Label("Same prompt and seed without reflection: best-of-K, the critic picks"));
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
        javafx.scene.control.Tab details = new javafx.scene.control.Tab("Iteration", iterationDetails);
        javafx.scene.control.Tab critic = new javafx.scene.control.Tab("Be the critic", scrolled(new CriticPane(vm.critic(), vm.steps().currentProperty())));
        critic.setId("tab-critic");
        javafx.scene.control.Tab budget = new javafx.scene.control.Tab("One budget", scrolled(new BudgetPane(vm.budget())));
        budget.setId("tab-budget");
        javafx.scene.control.Tab readers = new javafx.scene.control.Tab("What each reader saw", scrolled(new ReadersPane(vm.readers())));
        readers.setId("tab-readers");
        javafx.scene.control.Tab predict = new javafx.scene.control.Tab("Predict", scrolled(new PredictPane(vm.form().prediction())));
        predict.setId("tab-predict");
        javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(details, predict, critic, budget, readers);
        tabs.setId("reflect-labs");
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private static ScrollPane scrolled(Node content) {
        ScrollPane s = new ScrollPane(content);
        s.setFitToWidth(true);
        return s;
    }

    private Node bottom() {
        Button first = nav("|◀", "first", vm.steps()::first, "First iteration (Home)");
        Button prev = nav("◀ Previous", "previous", vm.steps()::previous, "Previous iteration (←)");
        Button next = nav("Next ▶", "next", vm.steps()::next, "Next iteration (→)");
        Button last = nav("▶|", "last", vm.steps()::last, "Last iteration (End)");
        play.setId("play");
        play.setTooltip(new Tooltip("Step through the iterations (Ctrl+P)"));
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

    private Button nav(String text, String id, Runnable action, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.setTooltip(new Tooltip(tip));
        b.disableProperty().bind(Bindings.isEmpty(vm.steps().iterations()));
        return b;
    }

    private void show(Iteration it) {
        details.getChildren().clear();
        if (it == null) {
            image.setImage(null);
            diff.setImage(null);
            Label hint = new Label("Type a prompt and press Run. Each iteration appears as soon as it is done; step "
                    + "through them with ← →, Home/End, the slider or Play; C shows or hides what changed since the "
                    + "iteration before.");
            hint.setWrapText(true);
            hint.getStyleClass().add("muted");
            details.getChildren().add(hint);
            return;
        }
        image.setImage(it.image());
        Iteration before = vm.steps().previousOfCurrent();
        diff.setImage(before == null ? null : Images.toFx(ImageDiff.heatmap(before.image(), it.image(), 3f), 3));
        Label title = new Label("Iteration " + it.k() + " of " + vm.steps().iterations().size());
        title.getStyleClass().add("section-title");
        title.setId("iteration-title");
        Label critic = new Label((it.criticSaysCorrect() ? "✓ " : "✗ ") + "Critic: " + String.join("; ", it.feedback()));
        critic.setId("critic-feedback");
        critic.setWrapText(true);
        critic.getStyleClass().add(it.criticSaysCorrect() ? "good" : "bad");
        Label sees = new Label("The critic sees: " + describe(it.criticReading()));
        sees.setWrapText(true);
        sees.getStyleClass().add("muted");
        Label judge = new Label((it.judgeCorrect() ? "✓ " : "✗ ") + "Judge (" + (vm.runPrompt() == null ? ""
                : vm.runPrompt().category().label()) + "): " + (it.judgeCorrect() ? "correct" : String.join("; ", it.judgeChecks())));
        judge.setId("judge-verdict");
        judge.setWrapText(true);
        judge.getStyleClass().add(it.judgeCorrect() ? "good" : "bad");
        Label judgeNote = new Label("The judge is a separately trained detector; it only scores and never gives feedback.");
        judgeNote.getStyleClass().add("muted");
        judgeNote.setWrapText(true);
        Label numbers = new Label(String.format(Locale.ROOT, "Compute so far: %.1f NFE · %d ms", it.nfe(), it.millis()));
        numbers.setId("iteration-nfe");
        GlossaryView.explain(numbers, "NFE");
        GlossaryView.explain(judgeNote, "judge");
        VBox context = contextBox(it);
        details.getChildren().addAll(title, changeNotes, changesBox, critic, sees, judge, changeNotes.disagreement(), changeNotes.why(),
                judgeNote, numbers, context);
    }

    private VBox contextBox(Iteration it) {
        Label head = new Label(it.contextFrom().isEmpty() ? "In context: nothing (the first sample comes from the prompt alone)"
                : "In context: iterations " + it.contextFrom());
        head.getStyleClass().add("strong");
        VBox box = new VBox(4, head);
        for (int k : it.contextFrom()) {
            Iteration prior = vm.steps().iterations().get(k - 1);
            Label fb = new Label("#" + k + ": " + String.join("; ", prior.feedback()));
            fb.setWrapText(true);
            HBox row = new HBox(6, new ImageView(Images.toFx(prior.image(), 2)), fb);
            row.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(row);
        }
        box.getStyleClass().add("card");
        return box;
    }

    private void drawChanges(ChangeMask mask) {
        image.setOverlay(mask == null ? null : zoom -> ChangeOverlay.render(mask, zoom));
    }

    private void rebuildComparison() {
        comparison.getChildren().clear();
        var run = vm.lastRunProperty().get();
        if (vm.steps().bestOfK().isEmpty() || run == null) {
            Label none = new Label("Runs after reflection, with the same prompt, seed and K.");
            none.getStyleClass().add("muted");
            comparison.getChildren().add(none);
            return;
        }
        Iteration reflected = run.last();
        Iteration chosen = vm.steps().bestOfK().get(Math.max(0, vm.steps().bestChosenProperty().get()));
        Iteration lastCandidate = vm.steps().bestOfK().get(vm.steps().bestOfK().size() - 1);
        comparison.getChildren().addAll(
                verdictCard("Reflect-DiT", reflected, reflected.nfe()),
                verdictCard("Best-of-" + vm.steps().bestOfK().size() + " (critic's pick #" + chosen.k() + ")", chosen, lastCandidate.nfe()));
    }

    private VBox verdictCard(String title, Iteration it, double nfe) {
        Label t = new Label(title);
        t.getStyleClass().add("strong");
        Label v = new Label((it.judgeCorrect() ? "✓ judge: correct" : "✗ judge: wrong") + String.format(Locale.ROOT, " · %.1f NFE", nfe));
        v.getStyleClass().add(it.judgeCorrect() ? "good" : "bad");
        return new VBox(4, t, new ImageView(Images.toFx(it.image(), 3)), v);
    }

    private static String describe(List<SceneObject> objects) {
        return objects.isEmpty() ? "nothing" : String.join(", ", objects.stream().map(SceneObject::describe).toList());
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
        return new org.reflectlab.ui.kit.Notice(
                "Reflection at inference time: instead of K independent samples (best-of-N), the generator redraws with its "
                        + "earlier attempts and the critic's feedback in context, and stops when the critic is satisfied.",
                "Reflect-DiT (arXiv 2503.12271): GenEval 0.62 to 0.81 with 20 samples, against 0.75 for best-of-20. Here, on 300 "
                        + "GenEval-lite prompts: 0.417 to 0.747 at K=20 against 0.693 for best-of-N, at a quarter of its NFE.",
                Bindings.createStringBinding(() -> {
                    var run = vm.lastRunProperty().get();
                    if (run == null) {
                        return vm.steps().iterations().isEmpty() ? "" : vm.steps().iterations().size() + " iteration(s) so far.";
                    }
                    String s = vm.statusProperty().get();
                    if (!vm.steps().bestOfK().isEmpty() && vm.steps().bestChosenProperty().get() >= 0) {
                        Iteration pick = vm.steps().bestOfK().get(vm.steps().bestChosenProperty().get());
                        s += " Best-of-" + vm.steps().bestOfK().size() + " on the same prompt and seed: the judge says "
                                + (pick.judgeCorrect() ? "correct." : "wrong.");
                    }
                    return s;
                }, vm.lastRunProperty(), vm.steps().iterations(), vm.statusProperty(), vm.steps().bestOfK(), vm.steps().bestChosenProperty()),
                "Whether each iteration answers the feedback it read: the outlined change should sit where the critic complained. "
                        + "The filmstrip marks FIX and BREAK by the judge, and flags iterations where critic and judge disagree.",
                "Why reflection could just copy its context, and does not: a generator trained to improve the image it is shown "
                        + "learns that returning it lowers the loss most cheaply. Reflect-DiT (and this lab) trains on the base "
                        + "generator's own wrong samples as context and an independent correct sample as the target, so copying never "
                        + "pays and what is left is to read the feedback. " + IterationMark.WHY_THEY_DISAGREE,
                "x_k \\sim G\\big(p,\\ \\{(x_j, f_j)\\}_{j<k}\\big),\\quad f_k = \\mathrm{critic}(x_k, p)",
                java.util.List.of("NFE", "critic", "judge", "context pairs", "guidance", "best-of-N", "Reflect-DiT"));
    }
}
