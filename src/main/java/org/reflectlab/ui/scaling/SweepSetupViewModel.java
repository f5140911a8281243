package org.reflectlab.ui.scaling;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.reflectlab.core.scaling.Method;
import org.reflectlab.core.scaling.SweepSettings;
import org.reflectlab.core.settings.Range;
import org.reflectlab.ui.kit.Remembered;

/** The sweep setup form: methods, K values, prompts per category, seed, and a name derived from them until typed. */
public final class SweepSetupViewModel {

    /** What the controls accept; remembered values go through the same ranges. */
    public static final Range PER_CATEGORY_RANGE = Range.ints(1, 50);
    public static final Range SEED_RANGE = Range.ints(0, Integer.MAX_VALUE);

    private final BooleanProperty bestOfN = new SimpleBooleanProperty(true);
    private final BooleanProperty reflect = new SimpleBooleanProperty(true);
    private final BooleanProperty ttt = new SimpleBooleanProperty(true);
    private final StringProperty ks = new SimpleStringProperty("1,2,4,8,12,16,20");
    private final IntegerProperty perCategory = new SimpleIntegerProperty(SweepSettings.DEFAULT_PER_CATEGORY);
    private final IntegerProperty seed = new SimpleIntegerProperty(1);
    private final StringProperty name = new SimpleStringProperty("");
    private final CurvePredictionViewModel prediction = new CurvePredictionViewModel();

    SweepSetupViewModel() {
        name.set(suggestedName());
        for (var p : List.of(bestOfN, reflect, ttt, ks, perCategory, seed)) {
            p.addListener((o, a, b) -> name.set(suggestedName()));
        }
    }

    /** The settings the form holds; throws IllegalArgumentException with a message for the user. */
    public SweepSettings settings() {
        List<Method> methods = new ArrayList<>();
        if (bestOfN.get()) {
            methods.add(Method.BEST_OF_N);
        }
        if (reflect.get()) {
            // One reflection run answers both ways (last image, critic's pick); both are shown.
            methods.add(Method.REFLECT);
            methods.add(Method.REFLECT_PICK);
        }
        if (ttt.get()) {
            methods.add(Method.TEST_TIME_TRAINING);
        }
        if (methods.isEmpty()) {
            throw new IllegalArgumentException(org.reflectlab.ui.kit.I18n.tr("scaling.setup.no-method"));
        }
        SweepSettings defaults = SweepSettings.defaults(seed.get());
        return new SweepSettings(methods, SweepSettings.parseKs(ks.get()), perCategory.get(), seed.get(),
                defaults.samplingSteps(), defaults.guidance(), defaults.contextSize());
    }

    /** Why the form cannot start a sweep (the settings' own words, core's English; or a bad name), or null. */
    org.reflectlab.ui.kit.I18n.Message problem() {
        try {
            settings();
        } catch (IllegalArgumentException e) {
            return org.reflectlab.ui.kit.I18n.Message.literal(e.getMessage());
        }
        String bad = org.reflectlab.core.store.Names.problem(trimmedName());
        return bad == null ? null : new org.reflectlab.ui.kit.I18n.Message("scaling.status.bad-name", trimmedName(), bad);
    }

    /** The name as typed, trimmed. */
    String trimmedName() {
        return name.get() == null ? "" : name.get().trim();
    }

    private String suggestedName() {
        try {
            SweepSettings s = settings();
            return String.format(Locale.ROOT, "%s-k%d-p%d-seed%d", String.join("+", s.methods().stream().map(Method::id).toList()),
                    s.maxK(), s.perCategory(), s.seed());
        } catch (IllegalArgumentException e) {
            return name.get();
        }
    }

    /** Takes a stored sweep's settings and name into the form, so Run resumes (or extends) it. */
    void take(SweepSettings s, String sweepName) {
        bestOfN.set(s.methods().contains(Method.BEST_OF_N));
        reflect.set(s.methods().contains(Method.REFLECT));
        ttt.set(s.methods().contains(Method.TEST_TIME_TRAINING));
        ks.set(String.join(",", s.ks().stream().map(String::valueOf).toList()));
        perCategory.set(s.perCategory());
        seed.set((int) s.seed());
        name.set(sweepName);
    }

    /** The learner's guess at one method's curve, taken when a sweep starts and kept with it. */
    public CurvePredictionViewModel prediction() {
        return prediction;
    }

    void remember(Remembered r) {
        prediction.remember(r);
        r.flag("bestOfN", bestOfN).flag("reflect", reflect).flag("ttt", ttt).text("ks", ks)
                .integer("perCategory", perCategory, PER_CATEGORY_RANGE).integer("seed", seed, SEED_RANGE).text("name", name);
    }

    // Properties //

    public BooleanProperty bestOfNProperty() {
        return bestOfN;
    }

    public BooleanProperty reflectProperty() {
        return reflect;
    }

    public BooleanProperty tttProperty() {
        return ttt;
    }

    public StringProperty ksProperty() {
        return ks;
    }

    public IntegerProperty perCategoryProperty() {
        return perCategory;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    public StringProperty nameProperty() {
        return name;
    }
}
