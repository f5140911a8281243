package org.reflectlab.ui.aphasia;

import org.reflectlab.core.aphasia.AphasiaResult;
import org.reflectlab.core.aphasia.Metric;
import org.reflectlab.ui.kit.I18n;

/**
 * Aphasia's names of things in the current language, each key written out (not built from the enum) so that the key
 * check (I18nKeysTest) sees every key the workspace uses; and what a run measured, for the drawer.
 */
final class AphasiaTexts {

    private AphasiaTexts() {
    }

    /** A metric's name in the current language ("fine position"). */
    static String metric(Metric m) {
        return I18n.tr(m.nameKey());
    }

    static String definition(Metric m) {
        return I18n.tr(switch (m) {
            case PIXELS -> "aphasia.metric.pixels.definition";
            case SHAPE -> "aphasia.metric.shape.definition";
            case COLOR -> "aphasia.metric.color.definition";
            case SIZE -> "aphasia.metric.size.definition";
            case POSITION -> "aphasia.metric.position.definition";
            case COUNT -> "aphasia.metric.count.definition";
            case FINE -> "aphasia.metric.fine.definition";
        }, org.reflectlab.core.aphasia.AttributeAgreement.FINE_TOLERANCE_PX);
    }

    /** What this run measured, in the current language, or "" before a run. */
    static String measured(AphasiaResult r) {
        if (r == null) {
            return "";
        }
        I18n.Message gaps = null;
        // nested pairs from the last: one joining pattern per language, never concatenated fragments
        for (int i = AphasiaView.METRICS.size() - 1; i >= 0; i--) {
            Metric m = AphasiaView.METRICS.get(i);
            if (m.isAttribute()) {
                I18n.Message item = new I18n.Message("aphasia.notice.measured.item", metric(m), r.summary(m).gap().mean());
                gaps = gaps == null ? item : new I18n.Message("aphasia.list.join", item, gaps);
            }
        }
        return I18n.tr("aphasia.notice.measured", r.settings().samples(), gaps == null ? "" : gaps, r.retrieval().imageToTextAt1());
    }
}
