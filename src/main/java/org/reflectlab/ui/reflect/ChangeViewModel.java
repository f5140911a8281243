package org.reflectlab.ui.reflect;

import java.util.List;
import java.util.Locale;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ObservableList;
import org.reflectlab.core.reflect.Iteration;
import org.reflectlab.ui.kit.I18n;

/**
 * What changed at the selected iteration and what it was answering: the pixels that moved since
 * the iteration before, that iteration's feedback, the judge's fix or break, and whether critic
 * and judge disagree. Follows the workspace's selection; recomputed on the UI thread, which is
 * cheap at ShapesWorld sizes (one pass over a few thousand pixels).
 */
public final class ChangeViewModel {

    private final ObservableList<Iteration> iterations;
    private final ReadOnlyIntegerProperty selected;

    // Properties //
    // off by default: the outline is an extra the learner asks for, over objects it must not hide
    private final BooleanProperty showChanges = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<ChangeMask> mask = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper answering = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<IterationMark> mark = new ReadOnlyObjectWrapper<>();
    private final ObjectBinding<ChangeMask> overlay;
    /** Held here (the locale keeps a weak reference): the lines and the mark are sentences, made again on a switch. */
    private final javafx.beans.InvalidationListener relabel = o -> update();

    ChangeViewModel(ObservableList<Iteration> iterations, ReadOnlyIntegerProperty selected) {
        this.iterations = iterations;
        this.selected = selected;
        overlay = Bindings.createObjectBinding(() -> showChanges.get() ? mask.get() : null, showChanges, mask);
        iterations.addListener((Observable o) -> update());
        selected.addListener((o, a, b) -> update());
        I18n.localeProperty().addListener(new javafx.beans.WeakInvalidationListener(relabel));
        update();
    }

    /** Draw the change mask over the image (on by default). */
    public BooleanProperty showChangesProperty() {
        return showChanges;
    }

    /** Where the selected iteration differs from the one before; null for the first or none. */
    public ReadOnlyObjectProperty<ChangeMask> maskProperty() {
        return mask.getReadOnlyProperty();
    }

    /** The mask to draw: the mask while "show changes" is on, else null. */
    public ObjectBinding<ChangeMask> overlayProperty() {
        return overlay;
    }

    /** "changed 12% of pixels since iteration 3 (mean change 0.041)". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The previous iteration's feedback the selected one was generated to answer; "" for the first. */
    public ReadOnlyStringProperty answeringProperty() {
        return answering.getReadOnlyProperty();
    }

    /** Fix/break and critic-vs-judge for the selected iteration; null when nothing is selected. */
    public ReadOnlyObjectProperty<IterationMark> markProperty() {
        return mark.getReadOnlyProperty();
    }

    // Commands //

    public void toggleShowChanges() {
        showChanges.set(!showChanges.get());
    }

    private void update() {
        int i = selected.get();
        List<Iteration> its = iterations;
        Iteration it = i >= 0 && i < its.size() ? its.get(i) : null;
        Iteration before = it != null && i > 0 ? its.get(i - 1) : null;
        mark.set(it == null ? null : IterationMark.of(its, i));
        answering.set(answering(before, it));
        if (it == null || before == null) {
            mask.set(null);
            summary.set(it == null ? "" : I18n.tr("reflect.change.first"));
            return;
        }
        if (it.image().width() != before.image().width() || it.image().height() != before.image().height()) {
            mask.set(null);
            summary.set(I18n.tr("reflect.change.size", before.k()));
            return;
        }
        ChangeMask m = ChangeMask.between(before.image(), it.image(), ChangeMask.THRESHOLD);
        mask.set(m);
        summary.set(I18n.tr("reflect.change.summary", percent(m), before.k(), m.meanChange()));
    }

    private static String answering(Iteration before, Iteration it) {
        if (before == null) {
            return "";
        }
        if (!it.contextFrom().contains(before.k())) {
            return I18n.tr("reflect.answering.out", before.k());
        }
        if (before.criticSaysCorrect()) {
            return I18n.tr("reflect.answering.nothing", before.k());
        }
        return I18n.tr("reflect.answering", org.reflectlab.ui.kit.ModelWords.feedback(before.feedback())); // the critic's words, said again
    }

    // A few changed pixels must not read as "0%" (the overlay shows them), nor nearly all as "100%".
    private static String percent(ChangeMask m) {
        double p = 100 * m.fraction();
        if (m.count() > 0 && p < 0.5) {
            return I18n.tr("reflect.change.under");
        }
        return m.fraction() < 1 && p >= 99.5 ? I18n.tr("reflect.change.over") : Math.round(p) + "%";
    }
}
