package org.reflectlab.ui.world;

import java.io.File;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.reflectlab.core.world.AlphaSweep;
import org.reflectlab.ui.kit.LiveChartFeed;
import org.reflectlab.ui.kit.LiveSeries;

/** The Alpha sweep tab: bindings to {@link SweepViewModel}; points arrive while the sweep runs. */
final class SweepPane extends BorderPane {

    private final SweepViewModel vm;
    private final LiveChartFeed feed = new LiveChartFeed();
    private final LineChart<Number, Number> errorChart = chart("frame error (MSE)", "sweep-error-chart");
    private final LineChart<Number, Number> diffChart = chart("frame-to-frame difference (MSE)", "sweep-diff-chart");
    private final XYChart.Series<Number, Number> best = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> truthDiff = new XYChart.Series<>();

    SweepPane(SweepViewModel vm) {
        this.vm = vm;
        setId("sweep-pane");
        LiveSeries error = new LiveSeries(vm.errorStream(), "hybrid (held-out mean)", 200);
        LiveSeries diff = new LiveSeries(vm.diffStream(), "hybrid (held-out mean)", 200);
        best.setName("best alpha");
        truthDiff.setName("ground truth");
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
        Button run = button("Run sweep", "sweep-run", vm::run);
        run.disableProperty().bind(vm.canRunProperty().not());
        Button cancel = button("Cancel", "sweep-cancel", vm::cancel);
        cancel.disableProperty().bind(vm.runningProperty().not());
        Button apply = button("Use best alpha", "sweep-apply", vm::applyBest);
        apply.disableProperty().bind(vm.resultProperty().isNull().or(vm.runningProperty()));
        apply.setTooltip(new Tooltip("Set the hybrid's alpha to the best one found"));
        Button csv = button("Export CSV…", "sweep-csv", this::exportCsv);
        csv.disableProperty().bind(vm.resultProperty().isNull());
        Label status = new Label();
        status.setId("sweep-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        HBox controls = new HBox(8, new Label("Held-out rollouts"), rollouts, run, cancel, apply, csv);
        controls.setAlignment(Pos.CENTER_LEFT);
        Label note = new Label("alpha 0 = implicit alone, 1 = explicit alone. Each rollout runs every model once; "
                + "each alpha only re-blends. Seeds " + AlphaSweep.HELDOUT_SEED + " and up, used nowhere else.");
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
        best.setName(String.format(Locale.ROOT, "best alpha %.2f", r.best().alpha()));
    }

    private static LineChart<Number, Number> chart(String y, String styleClass) {
        NumberAxis x = new NumberAxis(0, 1, 0.1);
        x.setLabel("alpha (weight of the explicit model)");
        NumberAxis yAxis = new NumberAxis();
        yAxis.setLabel(y);
        yAxis.setForceZeroInRange(false);
        LineChart<Number, Number> c = new LineChart<>(x, yAxis);
        c.setAnimated(false);
        c.getStyleClass().addAll("live-chart", "sweep-chart", styleClass);
        return c;
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void exportCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export alpha sweep");
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
