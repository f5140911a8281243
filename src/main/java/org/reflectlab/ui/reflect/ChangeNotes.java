package org.reflectlab.ui.reflect;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.reflectlab.ui.kit.I18n;

/**
 * The lines that tie the selected iteration to the one before: the feedback it was answering,
 * how much of the image changed, and the judge's fix or break. Bound once to a
 * {@link ChangeViewModel}; the critic-vs-judge line is a separate node so it can sit by the verdicts.
 */
final class ChangeNotes extends VBox {

    private final Label disagreement;
    private final Label why;

    ChangeNotes(ChangeViewModel vm) {
        super(4);
        setId("change-notes");
        Label answering = line("answering", vm.answeringProperty());
        answering.getStyleClass().add("answering");
        Label summary = line("change-summary", vm.summaryProperty());
        summary.getStyleClass().add("muted");
        Label flip = line("judge-flip", Bindings.createStringBinding(() -> {
            IterationMark m = vm.markProperty().get();
            return m == null || m.transition() == IterationMark.Transition.NONE ? "" : m.explanation();
        }, vm.markProperty()));
        vm.markProperty().addListener((o, a, m) -> flip.getStyleClass().setAll("label",
                m != null && m.transition() == IterationMark.Transition.FIX ? "good" : "bad"));
        disagreement = line("critic-judge", Bindings.createStringBinding(() -> {
            IterationMark m = vm.markProperty().get();
            return m == null || m.disagreement().isEmpty() ? "" : I18n.tr("reflect.disagree", m.disagreement(),
                    Character.toUpperCase(m.readings().charAt(0)) + m.readings().substring(1));
        }, vm.markProperty()));
        disagreement.getStyleClass().add("disagree");
        why = line("critic-judge-why", Bindings.createStringBinding(() -> disagreement.getText().isEmpty() ? ""
                : IterationMark.whyTheyDisagree(), disagreement.textProperty(), I18n.localeProperty()));
        why.getStyleClass().add("muted");
        getChildren().addAll(answering, summary, flip);
    }

    /** "Critic and judge disagree: the critic accepts this image; the judge does not"; hidden when they agree. */
    Label disagreement() {
        return disagreement;
    }

    /** Why the two detectors can disagree; shown only while they do. */
    Label why() {
        return why;
    }

    // Wrapped, and out of the layout when empty, so nothing is cut to "…" and no blank gap is left.
    private static Label line(String id, ObservableStringValue text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.textProperty().bind(text);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }
}
