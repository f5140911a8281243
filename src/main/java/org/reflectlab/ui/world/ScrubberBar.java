package org.reflectlab.ui.world;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.shape.SVGPath;
import javafx.util.StringConverter;
import org.reflectlab.ui.kit.I18n;

/**
 * Play, step, slider, speed and loop controls bound to a {@link ScrubberViewModel}. The buttons
 * take no keyboard focus, so Space and the arrow keys stay with the workspace's shortcuts.
 */
final class ScrubberBar extends HBox {

    private static final String HOME_ICON = "M5 5h2.5v14H5z M9 12l10 7V5z";
    private static final String BACK_ICON = "M16.5 5h2.5v14h-2.5z M15 5L5 12l10 7z";
    private static final String PLAY_ICON = "M7 4.5v15l12-7.5z";
    private static final String PAUSE_ICON = "M6 5h4.5v14H6z M13.5 5H18v14h-4.5z";
    private static final String FORWARD_ICON = "M5 5h2.5v14H5z M9 5l10 7l-10 7z";
    private static final String END_ICON = "M16.5 5H19v14h-2.5z M5 5l10 7L5 19z";

    ScrubberBar(ScrubberViewModel s) {
        super(6);
        setId("scrubber-bar");
        setAlignment(Pos.CENTER_LEFT);
        Button home = small(HOME_ICON, "scrub-home", "world.scrub.first", s::home);
        Button back = small(BACK_ICON, "scrub-back", "world.scrub.back", s::stepBack);
        Button play = small(PLAY_ICON, "scrub-play", "world.scrub.play", s::togglePlay);
        ((SVGPath) play.getGraphic()).contentProperty().bind(
                Bindings.when(s.playingProperty()).then(PAUSE_ICON).otherwise(PLAY_ICON));
        Button fwd = small(FORWARD_ICON, "scrub-forward", "world.scrub.forward", s::stepForward);
        Button end = small(END_ICON, "scrub-end", "world.scrub.last", s::end);
        Slider slider = new Slider(0, 1, 0);
        slider.setId("scrub-slider");
        slider.setBlockIncrement(1);
        slider.setMajorTickUnit(10);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(false);
        slider.maxProperty().bind(s.lastProperty());
        slider.setValue(s.frame());
        s.frameProperty().addListener((o, a, b) -> {
            if ((int) Math.round(slider.getValue()) != b.intValue()) {
                slider.setValue(b.intValue());
            }
        });
        slider.valueProperty().addListener((o, a, b) -> {
            if ((int) Math.round(b.doubleValue()) != s.frame()) {
                s.seek((int) Math.round(b.doubleValue()));
            }
        });
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.setMinWidth(60);
        Label position = new Label();
        position.setId("scrub-position");
        position.setMinWidth(90);
        position.textProperty().bind(I18n.text("world.scrub.position", s.frameProperty(), s.lastProperty()));
        ComboBox<Double> speed = new ComboBox<>();
        speed.setId("scrub-speed");
        speed.getItems().setAll(ScrubberViewModel.SPEEDS);
        speed.setConverter(speedText());
        speed.setValue(s.speedProperty().get());
        speed.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                s.setSpeed(b);
            }
        });
        speed.setTooltip(WorldView.tooltip("world.scrub.speed.tooltip", (int) ScrubberViewModel.BASE_FPS));
        speed.setFocusTraversable(false);
        CheckBox loop = new CheckBox();
        loop.textProperty().bind(I18n.text("world.scrub.loop"));
        loop.setId("scrub-loop");
        loop.selectedProperty().bindBidirectional(s.loopProperty());
        loop.setFocusTraversable(false);
        loop.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().addAll(home, back, play, fwd, end, slider, position, speed, loop);
    }

    private static Button small(String icon, String id, String tipKey, Runnable action) {
        SVGPath graphic = new SVGPath();
        graphic.setContent(icon);
        graphic.getStyleClass().add("scrub-icon");
        Button b = new Button(null, graphic);
        b.setId(id);
        b.getStyleClass().add("scrub-button");
        b.setTooltip(WorldView.tooltip(tipKey));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    private static StringConverter<Double> speedText() {
        return new StringConverter<>() {
            @Override
            public String toString(Double d) {
                return d == null ? "" : (d == Math.rint(d) ? String.format(Locale.ROOT, "%.0f×", d) : d + "×");
            }

            @Override
            public Double fromString(String s) {
                return Double.valueOf(s.replace("×", ""));
            }
        };
    }
}
