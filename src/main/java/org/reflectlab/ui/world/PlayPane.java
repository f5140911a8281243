package org.reflectlab.ui.world;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.reflectlab.core.world.ModelKind;
import org.reflectlab.ui.kit.Keymap;

/** The Play tab: bindings to {@link PlayViewModel}; arrow keys steer while the tab has focus. */
public final class PlayPane extends BorderPane {

    private static final int SCALE = 8;

    private final PlayViewModel vm;
    private final FramePanel truth = new FramePanel("play-truth", "True simulator");
    private final FramePanel model = new FramePanel("play-model", "World model");
    private final HBox stage;

    PlayPane(PlayViewModel vm) {
        this.vm = vm;
        setId("play-pane");
        ComboBox<ModelKind> kind = new ComboBox<>();
        kind.setId("play-model-choice");
        kind.getItems().setAll(ModelKind.EXPLICIT, ModelKind.IMPLICIT, ModelKind.HYBRID);
        kind.valueProperty().bindBidirectional(vm.modelProperty());
        kind.setFocusTraversable(false);
        kind.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ModelKind k) {
                return k == null ? "" : WorldView.title(k);
            }

            @Override
            public ModelKind fromString(String s) {
                return null;
            }
        });
        Button start = new Button();
        start.setId("play-start");
        start.textProperty().bind(Bindings.when(vm.runningProperty()).then("Stop (Space)").otherwise("Start (Space)"));
        start.disableProperty().bind(vm.runningProperty().not().and(vm.canStartProperty().not()));
        start.setOnAction(e -> {
            vm.toggle();
            stageFocus();
        });
        start.setFocusTraversable(false);
        Button resync = new Button("Re-sync (R)");
        resync.setId("play-resync");
        resync.setOnAction(e -> {
            vm.resync();
            stageFocus();
        });
        resync.disableProperty().bind(vm.runningProperty().not());
        resync.setFocusTraversable(false);
        Label fps = new Label();
        fps.setId("play-fps");
        fps.getStyleClass().add("strong");
        fps.textProperty().bind(Bindings.createStringBinding(
                () -> vm.runningProperty().get() ? String.format(Locale.ROOT, "%.1f frames/s", vm.fpsProperty().get()) : "stopped",
                vm.fpsProperty(), vm.runningProperty()));
        Label problem = new Label();
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        Label help = new Label("Click the frames, then steer the orange ball with the arrow keys. The world model "
                + "gets the same pushes as the true simulator but never sees its frames after the start: watch "
                + "where it drifts. Re-sync puts it back on the true frames.");
        help.setWrapText(true);
        help.getStyleClass().add("muted");
        HBox controls = new HBox(10, new Label("Model"), kind, start, resync, fps);
        controls.setAlignment(Pos.CENTER_LEFT);
        stage = new HBox(16, truth, model);
        stage.setId("play-stage");
        stage.setAlignment(Pos.CENTER);
        stage.setFocusTraversable(true);
        stage.getStyleClass().add("play-stage");
        stage.setOnMouseClicked(e -> stageFocus());
        truth.show(null, SCALE, "");
        model.show(null, SCALE, "");
        VBox top = new VBox(8, controls, problem, help);
        top.setPadding(new Insets(10));
        setTop(top);
        setCenter(stage);
        vm.tickProperty().addListener((o, a, t) -> {
            if (t != null) {
                truth.show(t.frame().truth(), SCALE, "step " + t.frame().step());
                model.show(t.frame().prediction(), SCALE, String.format(Locale.ROOT, "error %.5f", t.frame().error()));
            }
        });
        vm.modelProperty().addListener((o, a, b) -> model.setTitle(WorldView.title(b) + " model"));
        model.setTitle(WorldView.title(vm.modelProperty().get()) + " model");
        KEYS.bind(this, this);
    }

    void stageFocus() {
        stage.requestFocus();
    }

    /** Play mode's keys (while the play area has the focus), bound in the constructor and listed by F1. */
    public static final Keymap<PlayPane> KEYS = Keymap.<PlayPane>of("World, Play mode")
            .held("Left", "push the orange ball left (hold)", (p, down) -> p.push(PlayViewModel.Key.LEFT, down))
            .held("Right", "push it right (hold)", (p, down) -> p.push(PlayViewModel.Key.RIGHT, down))
            .held("Up", "push it up (hold)", (p, down) -> p.push(PlayViewModel.Key.UP, down))
            .held("Down", "push it down (hold)", (p, down) -> p.push(PlayViewModel.Key.DOWN, down))
            .key("Space", "start / stop live play", p -> p.vm.toggle())
            .key("R", "re-sync the model with the true simulator", p -> p.vm.resync());

    private void push(PlayViewModel.Key k, boolean down) {
        if (down) {
            vm.press(k);
        } else {
            vm.release(k);
        }
    }
}
