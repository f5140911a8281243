package org.reflectlab.ui.reflect;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.reflectlab.core.reflect.Iteration;
import org.reflectlab.core.reflect.ReaderComparison;
import org.reflectlab.core.reflect.RunDisagreements;

/**
 * What each reader saw: every image of the last run (reflection's iterations and best-of-K's
 * candidates) with the critic's, the judge's and the pixel reader's readings as boxes, filtered
 * to those where they disagree if asked; the one shown follows the selected iteration.
 */
public final class ReadersViewModel {

    // Properties //
    private final ObservableList<RunDisagreements.Entry> entries = FXCollections.observableArrayList();
    private final FilteredList<RunDisagreements.Entry> shown = new FilteredList<>(entries);
    private final BooleanProperty onlyDisagreements = new SimpleBooleanProperty(false);
    private final ObjectProperty<RunDisagreements.Entry> selected = new SimpleObjectProperty<>();
    private final BooleanProperty showCritic = new SimpleBooleanProperty(true);
    private final BooleanProperty showJudge = new SimpleBooleanProperty(true);
    private final BooleanProperty showPixels = new SimpleBooleanProperty(true);
    private final StringBinding summary;
    private final ObjectBinding<ReaderComparison> comparison;

    ReadersViewModel(ObservableList<Iteration> reflection, ObservableList<Iteration> bestOfK, ObservableValue<Iteration> current) {
        Runnable rebuild = () -> {
            entries.setAll(RunDisagreements.of(reflection, bestOfK));
            follow(current.getValue());
        };
        reflection.addListener((javafx.collections.ListChangeListener<Iteration>) c -> rebuild.run());
        bestOfK.addListener((javafx.collections.ListChangeListener<Iteration>) c -> rebuild.run());
        current.addListener((o, a, it) -> follow(it));
        onlyDisagreements.addListener((o, a, only) -> shown.setPredicate(only ? RunDisagreements.Entry::disagrees : null));
        // the run's summary from its counts (core's RunDisagreements.summary says the same in English, for the CLI)
        summary = Bindings.createStringBinding(() -> entries.isEmpty() ? org.reflectlab.ui.kit.I18n.tr("reflect.readers.none")
                : org.reflectlab.ui.kit.I18n.tr("reflect.readers.summary", entries.stream().filter(RunDisagreements.Entry::disagrees).count(),
                entries.size(), entries.stream().filter(e -> e.comparison().criticAndJudgeDisagree()).count()),
                entries, org.reflectlab.ui.kit.I18n.localeProperty());
        comparison = Bindings.createObjectBinding(() -> selected.get() == null ? null : selected.get().comparison(), selected);
        rebuild.run();
    }

    // Properties //

    /** The browser's rows: every image, or only those with a disagreement. */
    public ObservableList<RunDisagreements.Entry> shown() {
        return shown;
    }

    public BooleanProperty onlyDisagreementsProperty() {
        return onlyDisagreements;
    }

    public ObjectProperty<RunDisagreements.Entry> selectedProperty() {
        return selected;
    }

    public ObjectBinding<ReaderComparison> comparisonProperty() {
        return comparison;
    }

    public BooleanProperty showCriticProperty() {
        return showCritic;
    }

    public BooleanProperty showJudgeProperty() {
        return showJudge;
    }

    public BooleanProperty showPixelsProperty() {
        return showPixels;
    }

    public StringBinding summaryProperty() {
        return summary;
    }

    /** Whether a reader's boxes are drawn. */
    public boolean shows(String reader) {
        return switch (reader) {
            case ReaderComparison.CRITIC -> showCritic.get();
            case ReaderComparison.JUDGE -> showJudge.get();
            default -> showPixels.get();
        };
    }

    // Commands //

    /** Shows the reflection iteration the rest of the workspace has selected. */
    private void follow(Iteration it) {
        if (it == null) {
            selected.set(entries.isEmpty() ? null : entries.get(0));
            return;
        }
        entries.stream().filter(e -> e.iteration() == it).findFirst().ifPresent(selected::set);
    }

    /** Steps to the next image with a disagreement (wrapping), if any. */
    public void nextDisagreement() {
        int from = entries.indexOf(selected.get());
        for (int i = 1; i <= entries.size(); i++) {
            RunDisagreements.Entry e = entries.get((from + i + entries.size()) % entries.size());
            if (e.disagrees()) {
                selected.set(e);
                return;
            }
        }
    }
}
