package org.reflectlab.ui.world;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.reflectlab.core.world.EndPrediction;
import org.reflectlab.core.world.ModelKind;
import org.reflectlab.ui.kit.Fit;
import org.reflectlab.ui.kit.I18n;

/**
 * The rollout page's predict-then-reveal row: bindings to {@link EndPredictionViewModel}, and what
 * each frame panel marks (the guess on the truth frame while choosing; after Reveal, on every
 * sequence's last frame, the guess with a line to where that sequence put the ball).
 */
final class EndPredictionBar extends VBox {

    private final EndPredictionViewModel vm;

    EndPredictionBar(EndPredictionViewModel vm, ScrubberViewModel scrubber) {
        super(4);
        this.vm = vm;
        setId("world-predict");
        Label ask = new Label();
        ask.textProperty().bind(I18n.text("world.predict.ask", scrubber.lastProperty()));
        ask.getStyleClass().add("toolbar-label");
        TextField guess = new TextField();
        guess.setId("world-predict-xy");
        guess.promptTextProperty().bind(I18n.text("world.predict.prompt"));
        guess.setPrefColumnCount(8);
        guess.textProperty().bindBidirectional(vm.input().textProperty());
        guess.setTooltip(WorldView.tooltip("world.predict.tooltip"));
        Button reveal = new Button();
        reveal.textProperty().bind(I18n.text("world.predict.reveal"));
        reveal.setId("world-predict-reveal");
        reveal.disableProperty().bind(vm.canRevealProperty().not());
        reveal.setOnAction(e -> {
            vm.reveal();
            scrubber.end();
        });
        reveal.setTooltip(WorldView.tooltip("world.predict.reveal.tooltip"));
        Label hint = new Label();
        hint.textProperty().bind(I18n.text("world.predict.hint"));
        hint.getStyleClass().add("muted");
        FlowPane row = new FlowPane(8, 4, ask, guess, reveal, hint);
        row.setAlignment(Pos.CENTER_LEFT);
        Label error = Fit.wrapped(new Label());
        error.setId("world-predict-error");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(vm.input().errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        Label said = Fit.wrapped(new Label());
        said.setId("world-predict-reveal-text");
        said.getStyleClass().add("predict-reveal");
        said.textProperty().bind(vm.revealProperty());
        said.managedProperty().bind(said.textProperty().isNotEmpty());
        getChildren().addAll(row, error, said);
    }

    /** What one panel marks at the frame shown. */
    void mark(FramePanel p, ModelKind kind, boolean lastFrame, int scale) {
        EndPrediction.Outcome o = vm.outcomeProperty().get();
        if (o != null && lastFrame) {
            p.mark(o.predicted(), o.seen().get(kind), scale);
        } else if (o == null && kind == ModelKind.TRUTH) {
            p.mark(vm.input().value(), null, scale);
        } else {
            p.mark(null, null, scale);
        }
    }
}
