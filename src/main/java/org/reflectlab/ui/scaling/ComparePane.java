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
import javafx.scene.control.Spinner;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.reflectlab.core.reflect.PromptSet;
import org.reflectlab.core.scaling.CompareGrid;
import org.reflectlab.core.scaling.Method;
import org.reflectlab.core.scaling.MethodRunner;
import org.reflectlab.ui.kit.Images;

/**
 * Compare K: one row per method, one column per K, the final image of each with the judge's
 * verdict and compute; one slider steps K for all rows at once (the column is highlighted and
 * shown large on the right).
 */
final class ComparePane extends VBox {

    private final ScalingViewModel vm;
    private final GridPane grid = new GridPane();
    private final VBox large = new VBox(8);
    private final Slider k = new Slider(0, 0, 0);
    private final Label title = new Label("Pick a prompt and a seed, then Compare.");

    ComparePane(ScalingViewModel vm) {
        this.vm = vm;
        setSpacing(8);
        setPadding(new Insets(8));
        ComboBox<PromptSet.Prompt> prompt = new ComboBox<>();
        prompt.getItems().setAll(vm.compareK().prompts());
        prompt.setConverter(MethodStyle.converterOf(p -> p.text() + "  (" + p.category().key() + ")"));
        prompt.setVisibleRowCount(16);
        prompt.setId("compare-prompt");
        prompt.getSelectionModel().select(vm.compareK().promptProperty().get());
        prompt.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> vm.compareK().promptProperty().set(b.intValue()));
        vm.compareK().promptProperty().addListener((o, a, b) -> prompt.getSelectionModel().select(b.intValue()));
        Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, vm.compareK().seedProperty().get());
        seed.setEditable(true);
        seed.setPrefWidth(110);
        seed.setMinWidth(90);
        seed.valueProperty().addListener((o, a, b) -> vm.compareK().seedProperty().set(b));
        Button run = new Button("Compare");
        run.setId("compare-run");
        run.setOnAction(e -> vm.runCompare());
        run.disableProperty().bind(vm.modelsReadyProperty().not().or(vm.compareK().comparingProperty()));
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
        HBox controls = new HBox(8, new Label("Prompt"), prompt, new Label("seed"), seed, run, new Label("K for all rows"), k);
        // labels and the button keep their text; the slider takes what is left
        controls.getChildren().forEach(n -> {
            if (n instanceof Label || n instanceof Button) {
                ((javafx.scene.control.Control) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        });
        k.setMinWidth(120);
        HBox.setHgrow(k, Priority.ALWAYS);
        controls.setAlignment(Pos.CENTER_LEFT);
        grid.setHgap(6);
        grid.setVgap(6);
        grid.setId("compare-grid");
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToHeight(true);
        HBox.setHgrow(scroll, Priority.ALWAYS);
        large.setMinWidth(230);
        ScrollPane largeScroll = new ScrollPane(large);
        largeScroll.setFitToWidth(true);
        largeScroll.setMinWidth(250);
        HBox body = new HBox(12, scroll, largeScroll);
        VBox.setVgrow(body, Priority.ALWAYS);
        Label hint = new Label("Best-of-N at K is the critic's pick among K samples of the base generator; Reflect-DiT at K is its "
                + "K-th iteration (or the one the critic accepted), and its critic's-pick row the critic's favourite among those "
                + "iterations; test-time training spends K samples' worth of compute on sampling and fine-tuning.");
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        hint.getStyleClass().add("hint");
        getChildren().addAll(controls, title, body, hint);
        vm.compareK().gridProperty().addListener((o, a, g) -> rebuild(g));
        vm.compareK().kProperty().addListener((o, a, b) -> highlight());
    }

    private void rebuild(CompareGrid g) {
        grid.getChildren().clear();
        large.getChildren().clear();
        if (g == null) {
            return;
        }
        title.setText(String.format(Locale.ROOT, "'%s' (%s), seed %d", g.prompt().text(), g.prompt().category().key(), g.seed()));
        k.setMax(Math.max(0, g.ks().size() - 1));
        for (int c = 0; c < g.ks().size(); c++) {
            Label h = new Label("K=" + g.ks().get(c));
            h.getStyleClass().add("column-head");
            grid.add(h, c + 1, 0);
        }
        int row = 1;
        for (var e : g.rows().entrySet()) {
            Label name = new Label(e.getKey().label());
            name.setStyle("-fx-text-fill: " + MethodStyle.color(e.getKey()) + "; -fx-font-weight: bold;");
            grid.add(name, 0, row);
            for (MethodRunner.Answer cell : e.getValue()) {
                int col = g.ks().indexOf(cell.k());
                grid.add(tile(cell, 2), col + 1, row);
            }
            row++;
        }
        highlight();
    }

    private VBox tile(MethodRunner.Answer cell, int scale) {
        boolean ok = cell.answer().judgeCorrect();
        Label v = new Label((ok ? "✓" : "✗") + String.format(Locale.ROOT, " %.0f NFE", cell.nfe()));
        v.getStyleClass().add(ok ? "good" : "bad");
        VBox box = new VBox(2, new ImageView(Images.toFx(cell.answer().image(), scale)), v);
        box.getStyleClass().add("compare-cell");
        box.setUserData(cell.k());
        return box;
    }

    private void highlight() {
        CompareGrid g = vm.compareK().gridProperty().get();
        if (g == null) {
            return;
        }
        int i = Math.max(0, Math.min(g.ks().size() - 1, vm.compareK().kProperty().get()));
        int kValue = g.ks().get(i);
        grid.getChildren().forEach(n -> n.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("chosen"),
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
            Label name = new Label(m.label() + String.format(Locale.ROOT, " · %d image(s) drawn", cells.get(0).images()));
            name.setStyle("-fx-text-fill: " + MethodStyle.color(m) + ";");
            name.setWrapText(true);
            name.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            large.getChildren().addAll(name, tile(cells.get(0), 4));
        }
    }
}
