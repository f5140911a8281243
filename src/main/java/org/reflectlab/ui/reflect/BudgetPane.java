package org.reflectlab.ui.reflect;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.reflectlab.core.reflect.EqualBudget;
import org.reflectlab.core.reflect.Iteration;
import org.reflectlab.ui.kit.Fit;
import org.reflectlab.ui.kit.I18n;

/** One budget, side by side: bindings to {@link BudgetViewModel}. */
final class BudgetPane extends VBox {

    /** Held here (the locale keeps a weak reference): the result's titles are made again on a switch. */
    private final javafx.beans.InvalidationListener relabel = o -> relabel();

    private final BudgetViewModel vm;
    private final FlowPane chain = new FlowPane(8, 8);
    private final FlowPane grid = new FlowPane(8, 8);
    private final Label chainTitle = Fit.wrapped(new Label());
    private final Label gridTitle = Fit.wrapped(new Label());

    BudgetPane(BudgetViewModel vm) {
        super(8);
        this.vm = vm;
        setId("budget-pane");
        setPadding(new Insets(10));
        Label title = Fit.wrapped(new Label());
        title.textProperty().bind(I18n.text("reflect.budget.title"));
        title.getStyleClass().add("section-title");
        Slider slider = new Slider(1, 2, 1);
        slider.setId("budget-slider");
        // Not a bidirectional binding: the model sets a new budget inside its own bounds listener, before this pane has
        // moved the slider's range, and a Slider clamps any value outside its old range (the budget then opened at the
        // minimum instead of five images' worth). The range is set first, then the value, whatever the order.
        boolean[] pulling = {false};
        Runnable pull = () -> {
            pulling[0] = true;
            try {
                bounds(slider, vm.boundsProperty().get());
                slider.setValue(vm.budgetProperty().get());
            } finally {
                pulling[0] = false;
            }
        };
        vm.budgetProperty().addListener((o, a, b) -> pull.run());
        vm.boundsProperty().addListener((o, a, b) -> pull.run());
        slider.valueProperty().addListener((o, a, b) -> {
            if (!pulling[0]) {
                vm.budgetProperty().set(b.doubleValue());
            }
        });
        pull.run();
        HBox.setHgrow(slider, Priority.ALWAYS);
        Label value = new Label();
        value.textProperty().bind(I18n.text("reflect.budget.value", vm.budgetProperty()));
        value.setMinWidth(80);
        Button run = new Button();
        run.textProperty().bind(I18n.text("reflect.budget.run"));
        run.setId("budget-run");
        run.getStyleClass().add("accent");
        run.setOnAction(e -> vm.run());
        run.disableProperty().bind(vm.canRunProperty().not());
        run.setTooltip(ReflectToolbar.tooltip("reflect.budget.run.tooltip"));
        run.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox row = new HBox(8, Fit.whole(ReflectToolbar.label("reflect.budget.label")), slider, value, run);
        row.setAlignment(Pos.CENTER_LEFT);
        Label buys = Thumbs.muted("");
        buys.setId("budget-buys");
        buys.textProperty().bind(vm.buysProperty());
        Label status = Fit.wrapped(new Label());
        status.setId("budget-status");
        status.getStyleClass().add("strong");
        status.textProperty().bind(vm.statusProperty());
        chain.setId("budget-chain");
        grid.setId("budget-grid");
        vm.resultProperty().addListener((o, a, r) -> show(r));
        getChildren().addAll(title, row, buys, status, chainTitle, chain, gridTitle, grid);
        I18n.localeProperty().addListener(new javafx.beans.WeakInvalidationListener(relabel));
        show(null);
    }

    private void relabel() {
        show(vm.resultProperty().get());
    }

    private static void bounds(Slider s, double[] b) {
        s.setDisable(b == null);
        if (b != null) {
            s.setMin(b[0]);
            s.setMax(b[1]);
            s.setMajorTickUnit(b[0]);
            s.setShowTickMarks(true);
        }
    }

    private void show(EqualBudget.Result r) {
        chain.getChildren().clear();
        grid.getChildren().clear();
        chainTitle.setText(r == null ? "" : I18n.tr("reflect.budget.chain", r.budget().iterations(), r.reflection().iterations().size(),
                r.reflection().nfe()));
        gridTitle.setText(r == null ? "" : I18n.tr("reflect.budget.grid", r.bestOfN().candidates().size(),
                r.bestOfN().candidates().size() * r.budget().imageNfe()));
        if (r == null) {
            return;
        }
        for (Iteration it : r.reflection().iterations()) {
            chain.getChildren().add(Thumbs.of("#" + it.k(), it, 2));
        }
        for (int i = 0; i < r.bestOfN().candidates().size(); i++) {
            Iteration it = r.bestOfN().candidates().get(i);
            VBox cell = i == r.bestOfN().chosen() ? Thumbs.of("#" + it.k(), it, 2, I18n.tr("reflect.budget.pick")) : Thumbs.of("#" + it.k(), it, 2);
            if (i == r.bestOfN().chosen()) {
                cell.getStyleClass().add("fix");
                cell.setId("budget-pick");
            }
            grid.getChildren().add(cell);
        }
    }
}
