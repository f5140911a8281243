package org.reflectlab.ui.world;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import org.reflectlab.core.world.Comparison;
import org.reflectlab.core.world.ModelKind;
import org.reflectlab.core.world.RolloutMetrics;

/** The rollout's metrics per sequence: error, temporal consistency, drift horizon, energy drift. */
final class MetricsTable extends GridPane {

    private static final String[] HEAD = {"", "mean error", "mean diff", "max diff", "drift horizon", "energy drift"};
    private static final String[] TIPS = {"",
        "Mean over frames of the MSE against the true frame (RGB in [0,1])",
        "Temporal consistency: mean MSE between consecutive frames of the same sequence",
        "Temporal consistency: the largest jump between consecutive frames",
        "First frame whose error passes the threshold",
        "Relative change of the balls' energy as seen in the frames (truth: damping and pushes)"};

    MetricsTable() {
        setId("world-metrics");
        getStyleClass().addAll("card", "metrics-table");
        setHgap(14);
        setMinWidth(Region.USE_PREF_SIZE);
        setVgap(3);
        header();
    }

    private void header() {
        for (int c = 0; c < HEAD.length; c++) {
            Label h = new Label(HEAD[c]);
            if (HEAD[c].equals("drift horizon")) {
                org.reflectlab.ui.kit.GlossaryView.explain(h, "drift horizon");
            }
            h.setMinWidth(Region.USE_PREF_SIZE);
            h.getStyleClass().add("table-head");
            if (!TIPS[c].isEmpty()) {
                h.setTooltip(new Tooltip(TIPS[c]));
            }
            add(h, c, 0);
        }
    }

    void show(Comparison c) {
        getChildren().clear();
        header();
        int row = 1;
        for (ModelKind k : ModelKind.values()) {
            RolloutMetrics m = c.metrics().get(k);
            Label name = new Label(k == ModelKind.HYBRID ? String.format(Locale.ROOT, "hybrid (%.2f)", c.alpha()) : k.label());
            name.getStyleClass().addAll("series-name", "series-" + k.key());
            name.setMinWidth(Region.USE_PREF_SIZE);
            if (m == null) {
                addRow(row++, name, new Label("not loaded"));
                continue;
            }
            boolean truth = k == ModelKind.TRUTH;
            addRow(row++, name, cell(truth ? "–" : num(m.meanError()), "m-" + k.key() + "-error"),
                    cell(num(m.meanDiff()), "m-" + k.key() + "-diff"), cell(num(m.maxDiff()), null),
                    cell(truth ? "–" : m.driftHorizonText(), null),
                    cell(Double.isFinite(m.energyDrift()) ? String.format(Locale.ROOT, "%+.1f%%", 100 * m.energyDrift()) : "–", null));
        }
    }

    private static Label cell(String text, String id) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.getStyleClass().add("num");
        if (id != null) {
            l.setId(id);
        }
        return l;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.5f", v);
    }
}
