package org.reflectlab.ui.world;

import java.io.File;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.reflectlab.core.world.AlphaSweep;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.LiveChartFeed;
import org.reflectlab.ui.kit.LiveSeries;

/** The Alpha sweep tab: bindings to {@link SweepViewModel}; points arrive while the sweep runs. */
final class SweepPane extends BorderPane {

    private final SweepViewModel vm;
    private final LiveChartFeed feed = new LiveChartFeed();
    private final LineChart<Number, Number> errorChart = chart("world.sweep.error", "sweep-error-chart");
    private final LineChart<Number, Number> diffChart = chart("world.sweep.diff", "sweep-diff-chart");
    private final XYChart.Series<Number, Number> best = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> truthDiff = new XYChart.Series<>();

    SweepPane(SweepViewModel vm) {
        this.vm = vm;
        setId("sweep-pane");
        LiveSeries error = new LiveSeries(vm.errorStream(), I18n.tr("world.sweep.series"), 200);
        LiveSeries diff = new LiveSeries(vm.diffStream(), I18n.tr("world.sweep.series"), 200);
        Runnable names = () -> {
            error.series().setName(I18n.tr("world.sweep.series"));
            diff.series().setName(I18n.tr("world.sweep.series"));
            AlphaSweep.Result r = vm.resultProperty().get();
            best.setName(r == null ? I18n.tr("world.sweep.best") : I18n.tr("world.sweep.best.value", r.best().alpha()));
            truthDiff.setName(I18n.tr("world.sweep.truth"));
        };
        names.run();
        // series names are set, not bound: name them again in the new language
        I18n.localeProperty().addListener((o, a, l) -> names.run());
        errorChart.getData().add(error.series());
        errorChart.getData().add(best);
        diffChart.getData().add(diff.series());
        diffChart.getData().add(truthDiff);
        feed.add(error).add(diff);
        vm.resetsProperty().addListener((o, a, b) -> {
            error.clear();
            diff.clear();
            best.getData().clear();
            truthDiff.getData().clear();
        });
        vm.resultProperty().addListener((o, a, r) -> showResult(r));
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                feed.start();
            } else {
                feed.stop();
            }
        });

        Spinner<Integer> rollouts = new Spinner<>();
        rollouts.setId("sweep-rollouts");
        rollouts.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 64, vm.rolloutsProperty().get()));
        rollouts.valueProperty().addListener((o, a, b) -> {
            if (b != null && !vm.setRollouts(b)) {
                rollouts.getValueFactory().setValue(vm.rolloutsProperty().get());
            }
        });
        rollouts.disableProperty().bind(vm.runningProperty());
        rollouts.setPrefWidth(80);
        Button run = button("world.sweep.run", "sweep-run", vm::run);
        run.disableProperty().bind(vm.canRunProperty().not());
        Button cancel = button("world.sweep.cancel", "sweep-cancel", vm::cancel);
        cancel.disableProperty().bind(vm.runningProperty().not());
        Button apply = button("world.sweep.apply", "sweep-apply", vm::applyBest);
        apply.disableProperty().bind(vm.resultProperty().isNull().or(vm.runningProperty()));
        apply.setTooltip(WorldView.tooltip("world.sweep.apply.tooltip"));
        Button csv = button("world.sweep.csv", "sweep-csv", this::exportCsv);
        csv.disableProperty().bind(vm.resultProperty().isNull());
        Label status = new Label();
        status.setId("sweep-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        Label rolloutsLabel = new Label();
        rolloutsLabel.textProperty().bind(I18n.text("world.sweep.rollouts"));
        HBox controls = new HBox(8, rolloutsLabel, rollouts, run, cancel, apply, csv);
        controls.setAlignment(Pos.CENTER_LEFT);
        Label note = new Label();
        note.textProperty().bind(I18n.text("world.sweep.note", AlphaSweep.HELDOUT_SEED));
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        HBox charts = new HBox(10, errorChart, diffChart);
        HBox.setHgrow(errorChart, Priority.ALWAYS);
        HBox.setHgrow(diffChart, Priority.ALWAYS);
        VBox box = new VBox(8, controls, status, note, charts);
        VBox.setVgrow(charts, Priority.ALWAYS);
        box.setPadding(new Insets(10));
        setCenter(box);
    }

    private void showResult(AlphaSweep.Result r) {
        best.getData().clear();
        truthDiff.getData().clear();
        if (r == null) {
            return;
        }
        best.getData().add(new XYChart.Data<>(r.best().alpha(), r.best().meanError()));
        truthDiff.getData().add(new XYChart.Data<>(0, r.truthDiff()));
        truthDiff.getData().add(new XYChart.Data<>(1, r.truthDiff()));
        best.setName(I18n.tr("world.sweep.best.value", r.best().alpha()));
    }

    private static LineChart<Number, Number> chart(String yKey, String styleClass) {
        NumberAxis x = new NumberAxis(0, 1, 0.1);
        x.labelProperty().bind(I18n.text("world.sweep.x"));
        NumberAxis yAxis = new NumberAxis();
        yAxis.labelProperty().bind(I18n.text(yKey));
        yAxis.setForceZeroInRange(false);
        LineChart<Number, Number> c = new LineChart<>(x, yAxis);
        c.setAnimated(false);
        c.getStyleClass().addAll("live-chart", "sweep-chart", styleClass);
        return c;
    }

    private static Button button(String key, String id, Runnable action) {
        Button b = new Button();
        b.textProperty().bind(I18n.text(key));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void exportCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.tr("world.sweep.csv.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        chooser.setInitialFileName("world-alpha-sweep.csv");
        File f = chooser.showSaveDialog(getScene().getWindow());
        if (f != null) {
            vm.exportCsv(f.toPath());
        }
    }

    /** For tests. */
    LineChart<Number, Number> errorChart() {
        return errorChart;
    }
}
