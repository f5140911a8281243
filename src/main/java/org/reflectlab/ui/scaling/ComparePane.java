package org.reflectlab.ui.scaling;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.reflectlab.core.reflect.Iteration;
import org.reflectlab.core.reflect.PromptSet;
import org.reflectlab.core.scaling.CompareGrid;
import org.reflectlab.core.scaling.Method;
import org.reflectlab.core.scaling.MethodRunner;
import org.reflectlab.ui.kit.Fit;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.ModelWords;
import org.reflectlab.ui.kit.Images;
import static org.reflectlab.ui.kit.Localized.label;

/**
 * Compare K: one row per method, one column per K, the final image of each with the judge's
 * verdict and compute; one slider steps K for all rows at once (the column is highlighted and
 * shown large on the right).
 */
final class ComparePane extends VBox {

    private final ScalingViewModel vm;
    /** One row per method, its tiles wrapping onto more lines when the window is narrow (never a sideways scroll). */
    private final VBox grid = new VBox(6);
    private final VBox large = new VBox(8);
    private final Slider k = new Slider(0, 0, 0);
    private final Label title = new Label(I18n.tr("scaling.compare.title.none"));
    /** Held here: the locale keeps only a weak reference. The grid's texts are made once, so a switch makes them again. */
    private final javafx.beans.InvalidationListener relabel = o -> relabel();

    ComparePane(ScalingViewModel vm) {
        this.vm = vm;
        setSpacing(8);
        setPadding(new Insets(8));
        ComboBox<String> prompt = new ComboBox<>();
        prompt.getItems().setAll(vm.compareK().prompts().stream().map(PromptSet.Prompt::text).toList());
        prompt.setEditable(true);
        prompt.setVisibleRowCount(16);
        prompt.setId("compare-prompt");
        prompt.setTooltip(tooltip(I18n.text("scaling.compare.prompt.tooltip", vm.compareK().prompts().size())));
        prompt.valueProperty().bindBidirectional(vm.compareK().promptTextProperty());
        // typing updates the prompt as the user goes, not only on Enter
        prompt.getEditor().textProperty().addListener((o, a, b) -> {
            if (prompt.isFocused() || prompt.getEditor().isFocused()) {
                vm.compareK().promptTextProperty().set(b);
            }
        });
        Label promptError = new Label();
        promptError.setId("compare-prompt-error");
        promptError.getStyleClass().add("error-text");
        promptError.setWrapText(true);
        promptError.textProperty().bind(vm.compareK().promptErrorProperty());
        promptError.visibleProperty().bind(promptError.textProperty().isNotEmpty());
        promptError.managedProperty().bind(promptError.visibleProperty());
        TextField seed = new TextField();
        seed.setId("compare-seed");
        seed.setPrefColumnCount(9);
        seed.setMinWidth(90);
        javafx.scene.control.TextFormatter<Long> seedFormat = new javafx.scene.control.TextFormatter<>(
                new javafx.util.converter.LongStringConverter(), vm.compareK().seedProperty().get(),
                change -> change.getControlNewText().matches("\\d{0,19}") ? change : null);
        seed.setTextFormatter(seedFormat);
        seedFormat.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.compareK().seedProperty().set(b);
            }
        });
        seed.setTooltip(tooltip(I18n.text("scaling.compare.seed.tooltip")));
        vm.compareK().seedProperty().addListener((o, a, b) -> {
            seedFormat.setValue(b.longValue());
            showTitle();
        });
        Button run = new Button();
        run.textProperty().bind(I18n.text("scaling.compare.run"));
        run.setId("compare-run");
        run.setOnAction(e -> vm.runCompare());
        run.disableProperty().bind(vm.modelsReadyProperty().not().or(vm.compareK().comparingProperty())
                .or(vm.compareK().promptErrorProperty().isNotEmpty()));
        k.setId("compare-k");
        k.setMajorTickUnit(1);
        k.setMinorTickCount(0);
        k.setSnapToTicks(true);
        k.setShowTickMarks(true);
        k.valueProperty().bindBidirectional(vm.compareK().kProperty());
        k.setPrefWidth(320);
        k.setLabelFormatter(MethodStyle.<Double>converterOf(v -> {
            CompareGrid g = vm.compareK().gridProperty().get();
            int i = (int) Math.round(v);
            return g != null && i >= 0 && i < g.ks().size() ? "K=" + g.ks().get(i) : "";
        }));
        k.setShowTickLabels(true);
        prompt.setPrefWidth(330);
        prompt.setMinWidth(180);
        HBox controls = new HBox(8, label("scaling.compare.prompt"), prompt, label("scaling.compare.seed"), seed, run);
        HBox kRow = new HBox(8, label("scaling.compare.k"), k);
        kRow.setAlignment(Pos.CENTER_LEFT);
        Fit.wholeLabels(kRow);
        // labels and the button keep their text; the slider takes what is left
        controls.getChildren().forEach(n -> {
            if (n instanceof Label || n instanceof Button) {
                ((javafx.scene.control.Control) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        });
        k.setMinWidth(120);
        HBox.setHgrow(k, Priority.ALWAYS);
        controls.setAlignment(Pos.CENTER_LEFT);
        grid.setId("compare-grid");
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setId("compare-scroll");
        scroll.setFitToWidth(true);
        HBox.setHgrow(scroll, Priority.ALWAYS);
        large.setMinWidth(230);
        ScrollPane largeScroll = new ScrollPane(large);
        largeScroll.setFitToWidth(true);
        largeScroll.setMinWidth(250);
        HBox body = new HBox(12, scroll, largeScroll);
        VBox.setVgrow(body, Priority.ALWAYS);
        Label hint = label("scaling.compare.hint");
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        hint.getStyleClass().add("hint");
        title.setId("compare-title");
        title.setWrapText(true);
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().addAll(controls, kRow, promptError, title, body, hint);
        vm.compareK().gridProperty().addListener((o, a, g) -> rebuild(g));
        vm.compareK().kProperty().addListener((o, a, b) -> highlight());
        I18n.localeProperty().addListener(new javafx.beans.WeakInvalidationListener(relabel));
    }

    private void relabel() {
        rebuild(vm.compareK().gridProperty().get());
    }

    private static Tooltip tooltip(javafx.beans.value.ObservableStringValue text) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(text);
        return t;
    }

    private void rebuild(CompareGrid g) {
        grid.getChildren().clear();
        large.getChildren().clear();
        if (g == null) {
            title.setText(I18n.tr("scaling.compare.title.none"));
            return;
        }
        showTitle();
        k.setMax(Math.max(0, g.ks().size() - 1));
        for (var e : g.rows().entrySet()) {
            Label name = new Label(MethodStyle.name(e.getKey()));
            name.setStyle("-fx-text-fill: " + MethodStyle.color(e.getKey()) + "; -fx-font-weight: bold;");
            name.getStyleClass().add("compare-method");
            FlowPane tiles = new FlowPane(6, 6);
            for (MethodRunner.Answer cell : e.getValue()) {
                VBox t = tile(cell, 2);
                Label head = new Label("K=" + cell.k());
                head.getStyleClass().add("column-head");
                t.getChildren().add(0, head);
                // one width for every tile, so the K columns of all methods line up as they wrap
                t.setMinWidth(TILE_WIDTH);
                t.setPrefWidth(TILE_WIDTH);
                tiles.getChildren().add(t);
            }
            grid.getChildren().addAll(name, tiles);
        }
        highlight();
    }

    /** What the grid shows; if the seed box has moved on, says that Compare draws the new seed. */
    private void showTitle() {
        CompareGrid g = vm.compareK().gridProperty().get();
        if (g == null) {
            return;
        }
        long boxSeed = vm.compareK().seedProperty().get();
        String category = org.reflectlab.ui.kit.CategoryNames.name(g.prompt().category());
        title.setText(boxSeed == g.seed() ? I18n.tr("scaling.compare.title", g.prompt().text(), category, g.seed())
                : I18n.tr("scaling.compare.title.next", g.prompt().text(), category, g.seed(), boxSeed));
    }

    private static final double TILE_WIDTH = 88;

    private VBox tile(MethodRunner.Answer cell, int scale) {
        boolean ok = cell.answer().judgeCorrect();
        Label v = new Label(I18n.tr(ok ? "scaling.compare.cell.right" : "scaling.compare.cell.wrong", cell.nfe()));
        v.getStyleClass().add(ok ? "good" : "bad");
        VBox box = new VBox(2, new ImageView(Images.toFx(cell.answer().image(), scale)), v);
        box.getStyleClass().add("compare-cell");
        box.setUserData(cell.k());
        return box;
    }

    /** Every image the method drew up to this K, with the critic's verdict; the one it answered with is framed. */
    private static FlowPane drawn(MethodRunner.Answer answer) {
        FlowPane all = new FlowPane(4, 4);
        all.getStyleClass().add("drawn-candidates");
        for (int i = 0; i < answer.drawn().size(); i++) {
            Iteration it = answer.drawn().get(i);
            boolean critic = it.criticSaysCorrect();
            Label verdict = new Label(I18n.tr(critic ? "scaling.compare.critic.yes" : "scaling.compare.critic.no"));
            verdict.getStyleClass().add(critic ? "good" : "bad");
            VBox box = new VBox(1, new ImageView(Images.toFx(it.image(), 2)), verdict);
            box.getStyleClass().add("candidate");
            if (i == answer.answerIndex()) {
                box.getStyleClass().add("answer");
            }
            // the critic's feedback and the judge's checks are the models' own English words, said in the current language
            Tooltip.install(box, new Tooltip(I18n.tr(i == answer.answerIndex() ? "scaling.compare.candidate.answer" : "scaling.compare.candidate",
                    i + 1, ModelWords.feedback(it.feedback()), it.judgeCorrect() ? I18n.tr("scaling.compare.judge.correct")
                            : ModelWords.feedback(it.judgeChecks()))));
            all.getChildren().add(box);
        }
        return all;
    }

    private void highlight() {
        CompareGrid g = vm.compareK().gridProperty().get();
        if (g == null) {
            return;
        }
        int i = Math.max(0, Math.min(g.ks().size() - 1, vm.compareK().kProperty().get()));
        int kValue = g.ks().get(i);
        grid.lookupAll(".compare-cell").forEach(n -> n.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("chosen"),
                Integer.valueOf(kValue).equals(n.getUserData())));
        large.getChildren().clear();
        Label head = new Label("K = " + kValue);
        head.getStyleClass().add("column-head");
        large.getChildren().add(head);
        for (var e : g.rows().entrySet()) {
            Method m = e.getKey();
            List<MethodRunner.Answer> cells = e.getValue().stream().filter(c -> c.k() == kValue).toList();
            if (cells.isEmpty()) {
                continue;
            }
            MethodRunner.Answer answer = cells.get(0);
            Label name = new Label(I18n.tr("scaling.compare.drawn", MethodStyle.name(m), answer.images()));
            name.setStyle("-fx-text-fill: " + MethodStyle.color(m) + ";");
            name.setWrapText(true);
            name.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            large.getChildren().addAll(name, tile(answer, 4), drawn(answer));
        }
    }
}
