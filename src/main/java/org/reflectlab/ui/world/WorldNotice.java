package org.reflectlab.ui.world;

import java.util.List;
import javafx.beans.value.ObservableValue;
import org.reflectlab.core.world.Comparison;
import org.reflectlab.core.world.ModelKind;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Notice;

/** World's "What to notice", in the current language; what this run measured follows the rollout and the language. */
final class WorldNotice {

    private WorldNotice() {
    }

    static Notice of(ObservableValue<Comparison> comparison) {
        return new Notice(I18n.tr("world.notice.claim"), I18n.tr("world.notice.paper"),
                I18n.text(() -> measured(comparison.getValue()), comparison),
                I18n.tr("world.notice.look-for"), I18n.tr("world.notice.why"),
                "\\hat x_{t+1} = \\alpha\\, f_{\\text{phys}}(x_t, a_t) + (1-\\alpha)\\, f_\\theta(x_{t-1}, x_t, a_t)",
                List.of("hybrid", "drift horizon"));
    }

    /** "This rollout, mean error and drift horizon: explicit 0.00012 (31); ..." in the current language, or "" before one. */
    static String measured(Comparison c) {
        if (c == null) {
            return "";
        }
        I18n.Message list = null;
        // built from the last, as nested pairs: one joining pattern per language, no concatenated fragments
        for (ModelKind k : List.of(ModelKind.HYBRID, ModelKind.IMPLICIT, ModelKind.EXPLICIT)) {
            if (c.has(k)) {
                var m = c.metrics().get(k);
                I18n.Message item = new I18n.Message("world.notice.measured.item", WorldTexts.series(k),
                        m.meanError(), m.driftHorizon() < 0 ? new I18n.Message("world.drift.never") : m.driftHorizon());
                list = list == null ? item : new I18n.Message("world.list.join", item, list);
            }
        }
        return list == null ? "" : I18n.tr("world.notice.measured", list);
    }
}
