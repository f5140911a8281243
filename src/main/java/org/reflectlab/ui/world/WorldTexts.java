package org.reflectlab.ui.world;

import org.reflectlab.core.world.ActionScript;
import org.reflectlab.core.world.ModelKind;
import org.reflectlab.ui.kit.I18n;

/**
 * World's names of things in the current language: each key written out (not built from the enum), so the key check
 * (I18nKeysTest) sees every key the workspace uses.
 */
final class WorldTexts {

    private WorldTexts() {
    }

    /** A sequence's title: "Ground truth", "Explicit"... (frames, Play's choice). */
    static String title(ModelKind k) {
        return I18n.tr(switch (k) {
            case TRUTH -> "world.kind.truth";
            case EXPLICIT -> "world.kind.explicit";
            case IMPLICIT -> "world.kind.implicit";
            case HYBRID -> "world.kind.hybrid";
        });
    }

    /** A sequence's name in charts, tables and sentences: "ground truth", "explicit"... */
    static I18n.Message series(ModelKind k) {
        return new I18n.Message(switch (k) {
            case TRUTH -> "world.series.truth";
            case EXPLICIT -> "world.series.explicit";
            case IMPLICIT -> "world.series.implicit";
            case HYBRID -> "world.series.hybrid";
        });
    }

    /** The pushes' name: "none", "random", "scripted". */
    static I18n.Message script(ActionScript a) {
        return new I18n.Message(switch (a) {
            case NONE -> "world.script.none";
            case RANDOM -> "world.script.random";
            case SCRIPTED -> "world.script.scripted";
        });
    }
}
