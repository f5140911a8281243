package org.reflectlab.ui.aphasia;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.reflectlab.core.aphasia.MemoryExperiment;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.ModelWords;
import org.reflectlab.ui.kit.Images;

/** The Describe-from-memory tab: run the memory test; recall error drawn vs described per name group; the posters as drawn and said. */
final class MemoryPane extends VBox {

    MemoryPane(AphasiaViewModel vm) {
        IntervalBarChart chart = new IntervalBarChart("aphasia.memory.chart", i -> { });
        chart.setId("aphasia-memory-chart");
        chart.setPrefSize(520, 230);
        chart.setMinWidth(420);
        Button run = AphasiaView.button("aphasia.memory.run");
        run.setId("aphasia-memory-run");
        run.setOnAction(e -> vm.runMemory());
        run.disableProperty().bind(vm.memory().experiment().runningProperty());
        run.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label status = new Label();
        status.setId("aphasia-memory-status");
        org.reflectlab.ui.kit.Fit.wrapped(status);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.getStyleClass().add("muted");
        status.textProperty().bind(vm.memory().experiment().statusProperty());
        Label ratio = new Label();
        ratio.setId("aphasia-memory-ratio");
        ratio.getStyleClass().add("verdict");
        ratio.setWrapText(true);
        // the posters wrap under each other: in one row they made the column wider than the window and cut the text above
        javafx.scene.layout.FlowPane posters = new javafx.scene.layout.FlowPane(8, 8);
        java.util.function.Consumer<MemoryExperiment.Result> show = r -> {
            if (r == null) {
                return;
            }
            List<MemoryExperiment.Group> groups = List.of(r.imageOnly(), r.captionTrained());
            double[][] v = new double[3][2];
            double[][] t = new double[3][2];
            for (int i = 0; i < 2; i++) {
                MemoryExperiment.Group g = groups.get(i);
                v[0][i] = g.visualError().mean();
                v[1][i] = g.visualError().low();
                v[2][i] = g.visualError().high();
                t[0][i] = g.textualError().mean();
                t[1][i] = g.textualError().low();
                t[2][i] = g.textualError().high();
            }
            List<String> names = List.of(I18n.tr("aphasia.memory.image-only"), I18n.tr("aphasia.memory.caption-trained"));
            chart.setData(names, List.of(
                    new IntervalBarChart.Series(I18n.tr("aphasia.memory.drawn"), AphasiaView.VISUAL, v[0], v[1], v[2]),
                    new IntervalBarChart.Series(I18n.tr("aphasia.memory.described"), AphasiaView.TEXTUAL, t[0], t[1], t[2])), 0, 1);
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < 2; i++) {
                MemoryExperiment.Group g = groups.get(i);
                lines.append(I18n.tr("aphasia.memory.row", names.get(i), g.posters(), interval(g.visualError()), interval(g.textualError()),
                        Double.isFinite(g.ratio()) ? I18n.tr("aphasia.memory.ratio", g.ratio()) : Double.isNaN(g.ratio()) ? "–" : "∞"))
                        .append('\n');
            }
            ratio.setText(lines.append(I18n.tr("aphasia.memory.ratio.note")).toString());
            posters.getChildren().clear();
            r.recalls().stream().filter(x -> !x.captionTrained()).limit(6).forEach(x -> {
                Label said = new Label(I18n.tr("aphasia.memory.said", x.described().isEmpty() ? I18n.tr("aphasia.scene.nothing")
                        : ModelWords.caption(x.described()), ModelWords.caption(x.trueCaption())));
                said.setWrapText(true);
                said.setMaxWidth(150);
                said.getStyleClass().add("muted");
                posters.getChildren().add(new VBox(3, AphasiaView.imageTitle(I18n.tr("aphasia.memory.poster", x.name())),
                        new ImageView(Images.toFx(x.drawn(), 3)), said));
            });
        };
        vm.memory().resultProperty().addListener((o, a, r) -> show.accept(r));
        // drawn, not bound: draw it again in the new language
        I18n.localeProperty().addListener((o, a, l) -> show.accept(vm.memory().resultProperty().get()));
        HBox head = new HBox(8, run, status);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox right = new VBox(6, ratio, posters);
        right.setMinWidth(0);
        HBox body = new HBox(10, chart, right);
        HBox.setHgrow(right, Priority.ALWAYS);
        getChildren().addAll(head, body);
        setSpacing(8);
        setPadding(new Insets(8, 0, 0, 0));
    }

    private static String interval(org.reflectlab.core.aphasia.MetricSummary.Interval i) {
        return Double.isNaN(i.mean()) ? "–" : I18n.tr("aphasia.memory.interval", i.mean(), i.low(), i.high());
    }
}
