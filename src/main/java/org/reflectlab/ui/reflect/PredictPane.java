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
import org.reflectlab.ui.kit.I18n;

/** Predict, then reveal: bindings to {@link FixPredictionViewModel}; the judge's verdicts drawn as cells over the guess. */
final class PredictPane extends VBox {

    private final FlowPane cells = new FlowPane(4, 4);

    PredictPane(FixPredictionViewModel vm) {
        super(8);
        setId("predict-pane");
        setPadding(new Insets(10));
        Label title = Fit.wrapped(new Label());
        title.textProperty().bind(I18n.text("reflect.predict.title"));
        title.getStyleClass().add("section-title");
        Label how = Fit.wrapped(new Label());
        how.textProperty().bind(I18n.text("reflect.predict.how"));
        how.getStyleClass().add("muted");
        TextField guess = new TextField();
        guess.setId("predict-fix");
        guess.promptTextProperty().bind(I18n.text("reflect.predict.placeholder"));
        guess.setPrefColumnCount(10);
        guess.setMaxWidth(160);
        guess.textProperty().bindBidirectional(vm.input().textProperty());
        guess.setTooltip(ReflectToolbar.tooltip("reflect.predict.tooltip"));
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
                out.add(cell(o.predicted().iteration() == FixPrediction.NEVER ? I18n.tr("reflect.predict.cell.never")
                        : I18n.tr("reflect.predict.cell.not-run", o.predicted().iteration()), "", true));
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
            l.setTooltip(new Tooltip(I18n.tr("reflect.predict.yours")));
        }
        return l;
    }
}
