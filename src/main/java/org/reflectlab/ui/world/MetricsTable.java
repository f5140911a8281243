package org.reflectlab.ui.world;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import org.reflectlab.core.world.Comparison;
import org.reflectlab.core.world.ModelKind;
import org.reflectlab.core.world.RolloutMetrics;
import org.reflectlab.ui.kit.I18n;

/** The rollout's metrics per sequence: error, temporal consistency, drift horizon, energy drift. */
final class MetricsTable extends GridPane {

    /** The columns' heads and tooltips (keys); the first column names the sequence. */
    private static final String[] HEAD = {"", "world.metrics.mean-error", "world.metrics.mean-diff", "world.metrics.max-diff",
        "world.metrics.drift", "world.metrics.energy"};
    private static final String[] TIPS = {"", "world.metrics.mean-error.tooltip", "world.metrics.mean-diff.tooltip",
        "world.metrics.max-diff.tooltip", "world.metrics.drift.tooltip", "world.metrics.energy.tooltip"};

    private Comparison shown;

    MetricsTable() {
        setId("world-metrics");
        getStyleClass().addAll("card", "metrics-table");
        setHgap(14);
        setMinWidth(Region.USE_PREF_SIZE);
        setVgap(3);
        header();
        // the table is built, not bound: build it again in the new language
        I18n.localeProperty().addListener((o, a, l) -> {
            if (shown != null) {
                show(shown);
            } else {
                getChildren().clear();
                header();
            }
        });
    }

    private void header() {
        for (int c = 0; c < HEAD.length; c++) {
            Label h = new Label(HEAD[c].isEmpty() ? "" : I18n.tr(HEAD[c]));
            if (HEAD[c].equals("world.metrics.drift")) {
                org.reflectlab.ui.kit.GlossaryView.explain(h, "drift horizon");
            }
            h.setMinWidth(Region.USE_PREF_SIZE);
            h.getStyleClass().add("table-head");
            if (!HEAD[c].isEmpty()) {
                h.setTooltip(new Tooltip(I18n.tr(TIPS[c])));
            }
            add(h, c, 0);
        }
    }

    void show(Comparison c) {
        shown = c;
        getChildren().clear();
        header();
        int row = 1;
        for (ModelKind k : ModelKind.values()) {
            RolloutMetrics m = c.metrics().get(k);
            Label name = new Label(k == ModelKind.HYBRID ? I18n.tr("world.series.hybrid.short", c.alpha()) : WorldTexts.series(k).text());
            name.getStyleClass().addAll("series-name", "series-" + k.key());
            name.setMinWidth(Region.USE_PREF_SIZE);
            if (m == null) {
                addRow(row++, name, new Label(I18n.tr("world.metrics.not-loaded")));
                continue;
            }
            boolean truth = k == ModelKind.TRUTH;
            addRow(row++, name, cell(truth ? "–" : num(m.meanError()), "m-" + k.key() + "-error"),
                    cell(num(m.meanDiff()), "m-" + k.key() + "-diff"), cell(num(m.maxDiff()), null),
                    cell(truth ? "–" : m.driftHorizon() < 0 ? I18n.tr("world.drift.never") : Integer.toString(m.driftHorizon()), null),
                    cell(Double.isFinite(m.energyDrift()) ? I18n.tr("world.metrics.energy.value", m.energyDrift()) : "–", null));
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
        return I18n.number(v, 5);
    }
}
