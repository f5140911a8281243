package org.reflectlab.ui.reflect;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.reflectlab.core.reflect.Iteration;

/**
 * Reflect's filmstrip and scrubber: the run's iterations as they arrive, the one selected, stepping through them,
 * and best-of-K's candidates on the same prompt and seed. Only the run (its ViewModel) adds to the lists.
 */
public final class IterationsViewModel {

    private final ObservableList<Iteration> iterations = FXCollections.observableArrayList();
    // One read-only view each, kept: listeners on a throw-away unmodifiable wrapper are lost when it is collected.
    private final ObservableList<Iteration> iterationsView = FXCollections.unmodifiableObservableList(iterations);
    private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(-1);
    private final ObservableList<Iteration> bestOfK = FXCollections.observableArrayList();
    private final ObservableList<Iteration> bestOfKView = FXCollections.unmodifiableObservableList(bestOfK);
    private final ReadOnlyIntegerWrapper bestChosen = new ReadOnlyIntegerWrapper(-1);
    private final ObjectBinding<Iteration> current;

    IterationsViewModel() {
        current = Bindings.createObjectBinding(() -> {
            int i = selected.get();
            return i >= 0 && i < iterations.size() ? iterations.get(i) : null;
        }, selected, iterations);
    }

    // Properties //

    /** Changed on the UI thread only, one batch of iterations at a time as each is done. */
    public ObservableList<Iteration> iterations() {
        return iterationsView;
    }

    public ReadOnlyIntegerProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ObjectBinding<Iteration> currentProperty() {
        return current;
    }

    /** The filmstrip's mark for iteration {@code index}: fix, break, critic-vs-judge. */
    public IterationMark mark(int index) {
        return IterationMark.of(iterations, index);
    }

    public ObservableList<Iteration> bestOfK() {
        return bestOfKView;
    }

    public ReadOnlyIntegerProperty bestChosenProperty() {
        return bestChosen.getReadOnlyProperty();
    }

    /** The iteration before the current one (to diff against), or null. */
    public Iteration previousOfCurrent() {
        int i = selected.get();
        return i > 0 && i - 1 < iterations.size() ? iterations.get(i - 1) : null;
    }

    public boolean atEnd() {
        return selected.get() >= iterations.size() - 1;
    }

    // Commands //

    public void select(int index) {
        if (index >= 0 && index < iterations.size()) {
            selected.set(index);
        }
    }

    public void next() {
        select(selected.get() + 1);
    }

    public void previous() {
        select(selected.get() - 1);
    }

    public void first() {
        select(0);
    }

    public void last() {
        select(iterations.size() - 1);
    }

    // For the run //

    void clear() {
        iterations.clear();
        bestOfK.clear();
        bestChosen.set(-1);
        selected.set(-1);
    }

    /** New iterations arrived: show the newest. */
    void arrived(List<Iteration> batch) {
        iterations.addAll(batch);
        selected.set(iterations.size() - 1);
    }

    void bestOf(List<Iteration> candidates, int chosen) {
        bestOfK.setAll(candidates);
        bestChosen.set(chosen);
    }
}
