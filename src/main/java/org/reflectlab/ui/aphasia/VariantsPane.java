package org.reflectlab.ui.aphasia;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.reflectlab.core.aphasia.Ablation;
import org.reflectlab.core.aphasia.MetricSummary;
import org.reflectlab.core.aphasia.Retrieval;
import org.reflectlab.ui.kit.I18n;

/** The Ablation-variants tab: the gap per metric for every shipped ablate-* variant, with its retrieval and modality bias. */
final class VariantsPane extends VBox {

    private static final List<Color> PALETTE = List.of(Color.web("#98a2b3"), Color.web("#2f80d8"), Color.web("#e0562b"),
            Color.web("#1b7f46"), Color.web("#8a3ffc"), Color.web("#c98a00"));

    VariantsPane(AphasiaViewModel vm) {
        IntervalBarChart chart = new IntervalBarChart("aphasia.variants.chart", i -> { });
        chart.setId("aphasia-ablation-chart");
        chart.setPrefSize(900, 240);
        Button compare = AphasiaView.button("aphasia.variants.compare");
        compare.setId("aphasia-compare");
        compare.setOnAction(e -> vm.compareVariants());
        compare.disableProperty().bind(vm.variants().experiment().runningProperty());
        compare.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label status = new Label();
        status.setId("aphasia-variants-status");
        status.setWrapText(true);
        status.getStyleClass().add("muted");
        status.textProperty().bind(vm.variants().experiment().statusProperty());
        Label desc = new Label();
        desc.setId("aphasia-variants-desc");
        desc.setWrapText(true);
        desc.getStyleClass().add("verdict");
        java.util.function.Consumer<List<Ablation.Variant>> show = v -> {
            List<String> names = AphasiaView.METRICS.stream().map(AphasiaTexts::metric).toList();
            List<IntervalBarChart.Series> series = new ArrayList<>();
            double lo = 0;
            double hi = 0.05;
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < v.size(); k++) {
                Ablation.Variant var = v.get(k);
                double[] mean = new double[names.size()];
                double[] low = new double[names.size()];
                double[] high = new double[names.size()];
                for (int i = 0; i < names.size(); i++) {
                    MetricSummary.Interval g = var.result().summary(AphasiaView.METRICS.get(i)).gap();
                    mean[i] = g.mean();
                    low[i] = g.low();
                    high[i] = g.high();
                    lo = Math.min(lo, g.low());
                    hi = Math.max(hi, g.high());
                }
                series.add(new IntervalBarChart.Series(var.name(), PALETTE.get(k % PALETTE.size()), mean, low, high));
                Retrieval q = var.result().retrieval();
                // the variant's name and description are the store's (its models' own English notes)
                text.append(I18n.tr("aphasia.variants.line", var.name(), var.description(), q.imageToTextAt1(), q.sameModalityShare(),
                        q.centroidGap())).append('\n');
            }
            chart.setData(names, series, lo * 1.15, hi * 1.15);
            desc.setText(text.toString().trim());
        };
        vm.variants().variantsProperty().addListener((o, a, v) -> show.accept(v));
        // drawn, not bound: draw it again in the new language
        I18n.localeProperty().addListener((o, a, l) -> show.accept(vm.variants().variantsProperty().get()));
        HBox head = new HBox(8, compare, status);
        head.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(head, chart, desc);
        setSpacing(8);
        setPadding(new Insets(8, 0, 0, 0));
        VBox.setVgrow(chart, Priority.ALWAYS);
    }
}
