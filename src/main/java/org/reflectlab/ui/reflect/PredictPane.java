package org.reflectlab.ui.reflect;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.reflectlab.core.reflect.FixPrediction;
import org.reflectlab.ui.kit.Fit;

/** Predict, then reveal: bindings to {@link FixPredictionViewModel}; the judge's verdicts drawn as cells over the guess. */
final class PredictPane extends VBox {

    private final FlowPane cells = new FlowPane(4, 4);

    PredictPane(FixPredictionViewModel vm) {
        super(8);
        setId("predict-pane");
        setPadding(new Insets(10));
        Label title = Fit.wrapped(new Label("Predict, then reveal: at which iteration will the judge first call the image correct?"));
        title.getStyleClass().add("section-title");
        Label how = Fit.wrapped(new Label("Type it before you press Run: 1 means right at once, never means not within K. The run "
                + "takes your prediction when it starts; afterwards each iteration's verdict is drawn below, your guess outlined."));
        how.getStyleClass().add("muted");
        TextField guess = new TextField();
        guess.setId("predict-fix");
        guess.setPromptText("e.g. 3, or never");
        guess.setPrefColumnCount(10);
        guess.setMaxWidth(160);
        guess.textProperty().bindBidirectional(vm.input().textProperty());
        guess.setTooltip(new Tooltip("Optional: an empty box means no prediction"));
        Label error = Fit.wrapped(new Label());
        error.setId("predict-fix-error");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(vm.input().errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        Label reveal = Fit.wrapped(new Label());
        reveal.setId("predict-reveal");
        reveal.getStyleClass().add("predict-reveal");
        reveal.textProperty().bind(vm.revealProperty());
        cells.setId("predict-cells");
        VBox card = new VBox(cells, reveal);
        card.getStyleClass().add("predict-card");
        card.visibleProperty().bind(vm.revealProperty().isNotEmpty());
        card.managedProperty().bind(card.visibleProperty());
        vm.outcomeProperty().addListener((o, a, b) -> draw(b));
        getChildren().addAll(title, how, guess, error, card);
    }

    private void draw(FixPrediction.Outcome o) {
        List<Node> out = new ArrayList<>();
        if (o != null) {
            for (int i = 0; i < o.judgeCorrect().size(); i++) {
                boolean right = o.judgeCorrect().get(i);
                out.add(cell("#" + (i + 1) + (right ? " ✓" : " ✗"), right ? "right" : "wrong", o.predicted().iteration() == i + 1));
            }
            if (o.predicted().iteration() == FixPrediction.NEVER || o.predicted().iteration() > o.judgeCorrect().size()) {
                out.add(cell(o.predicted().iteration() == FixPrediction.NEVER ? "never" : "#" + o.predicted().iteration() + " (not run)",
                        "", true));
            }
        }
        cells.getChildren().setAll(out);
    }

    private static Label cell(String text, String verdict, boolean guess) {
        Label l = new Label(text);
        l.getStyleClass().add("predict-cell");
        if (!verdict.isEmpty()) {
            l.getStyleClass().add(verdict);
        }
        if (guess) {
            l.getStyleClass().add("guess");
            l.setId("predict-guess");
            l.setTooltip(new Tooltip("your prediction"));
        }
        return l;
    }
}
