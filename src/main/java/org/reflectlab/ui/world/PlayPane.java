package org.reflectlab.ui.world;

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
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Keymap;

/** The Play tab: bindings to {@link PlayViewModel}; arrow keys steer while the tab has focus. */
public final class PlayPane extends BorderPane {

    private static final int SCALE = 8;

    private final PlayViewModel vm;
    private final FramePanel truth = new FramePanel("play-truth", "");
    private final FramePanel model = new FramePanel("play-model", "");
    private final HBox stage;

    PlayPane(PlayViewModel vm) {
        this.vm = vm;
        setId("play-pane");
        ComboBox<ModelKind> kind = new ComboBox<>();
        kind.setId("play-model-choice");
        kind.getItems().setAll(ModelKind.EXPLICIT, ModelKind.IMPLICIT, ModelKind.HYBRID);
        kind.valueProperty().bindBidirectional(vm.modelProperty());
        kind.setFocusTraversable(false);
        org.reflectlab.ui.kit.NamedChoices.named(kind, PlayPane::kindNames);
        Button start = new Button();
        start.setId("play-start");
        start.textProperty().bind(Bindings.when(vm.runningProperty()).then(I18n.text("world.play.stop")).otherwise(I18n.text("world.play.start")));
        start.disableProperty().bind(vm.runningProperty().not().and(vm.canStartProperty().not()));
        start.setOnAction(e -> {
            vm.toggle();
            stageFocus();
        });
        start.setFocusTraversable(false);
        Button resync = new Button();
        resync.textProperty().bind(I18n.text("world.play.resync"));
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
        fps.textProperty().bind(I18n.text(() -> vm.runningProperty().get() ? I18n.tr("world.play.fps", vm.fpsProperty().get())
                : I18n.tr("world.play.stopped"), vm.fpsProperty(), vm.runningProperty()));
        Label problem = new Label();
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        Label help = new Label();
        help.textProperty().bind(I18n.text("world.play.help"));
        help.setWrapText(true);
        help.getStyleClass().add("muted");
        Label choice = new Label();
        choice.textProperty().bind(I18n.text("world.play.choice"));
        HBox controls = new HBox(10, choice, kind, start, resync, fps);
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
                truth.show(t.frame().truth(), SCALE, I18n.tr("world.play.step", t.frame().step()));
                model.show(t.frame().prediction(), SCALE, I18n.tr("world.frame.error", t.frame().error()));
            }
        });
        vm.modelProperty().addListener((o, a, b) -> titles());
        I18n.localeProperty().addListener((o, a, l) -> titles());
        titles();
        KEYS.bind(this, this);
    }

    private void titles() {
        truth.setTitle(I18n.tr("world.play.truth"));
        model.setTitle(I18n.tr("world.play.model.title", WorldView.title(vm.modelProperty().get())));
    }

    private static javafx.util.StringConverter<ModelKind> kindNames() {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(ModelKind k) {
                return k == null ? "" : WorldView.title(k);
            }

            @Override
            public ModelKind fromString(String s) {
                return null;
            }
        };
    }

    void stageFocus() {
        stage.requestFocus();
    }

    /** Play mode's keys (while the play area has the focus), bound in the constructor and listed by F1. */
    public static final Keymap<PlayPane> KEYS = Keymap.<PlayPane>of("world.keys.play.title")
            .held("Left", "world.keys.push.left", (p, down) -> p.push(PlayViewModel.Key.LEFT, down))
            .held("Right", "world.keys.push.right", (p, down) -> p.push(PlayViewModel.Key.RIGHT, down))
            .held("Up", "world.keys.push.up", (p, down) -> p.push(PlayViewModel.Key.UP, down))
            .held("Down", "world.keys.push.down", (p, down) -> p.push(PlayViewModel.Key.DOWN, down))
            .key("Space", "world.keys.play.toggle", p -> p.vm.toggle())
            .key("R", "world.keys.play.resync", p -> p.vm.resync());

    private void push(PlayViewModel.Key k, boolean down) {
        if (down) {
            vm.press(k);
        } else {
            vm.release(k);
        }
    }
}
