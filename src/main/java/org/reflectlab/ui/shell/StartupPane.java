package org.reflectlab.ui.shell;

import org.reflectlab.ui.kit.I18n;
import java.io.InputStream;
import javafx.animation.Animation;
import javafx.animation.Interpolator;
import javafx.animation.TranslateTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.image.Image;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * What the window shows for the second it takes to build the main window: the name, a moving bar and the backend's
 * status. Only shapes and text, styled in code, no control and no style sheet: the first {@code Control} loads JavaFX's
 * whole default theme (Modena) and the app's style sheet would be parsed too, which is work the first frame does not
 * need. Both are loaded when the main window replaces this pane.
 */
public final class StartupPane extends VBox {

    /** The application icon (also the app image's icon), from the class path. */
    public static final String ICON = "/org/reflectlab/ui/shell/reflectlab.png";
    /** The theme's sidebar ink and accent (app.css), repeated here because this pane reads no style sheet. */
    private static final Color INK = Color.web("#1f2430");
    private static final Color MUTED = Color.web("#9aa3b5");
    private static final Color ACCENT = Color.web("#ff7043");
    private static final double BAR = 260;
    private final TranslateTransition sweep;

    public StartupPane(ShellViewModel shell) {
        super(10);
        setId("startup-pane");
        setAlignment(Pos.CENTER);
        setBackground(new Background(new BackgroundFill(INK, null, null)));
        String family = Font.getDefault().getFamily();
        Text brand = text(Font.font(family, FontWeight.BOLD, 19), Color.WHITE);
        brand.setText(I18n.tr("shell.brand"));
        Text tagline = text(Font.font(family, 11), MUTED);
        tagline.textProperty().bind(I18n.text("shell.startup.opening"));
        Text status = text(Font.font(family, 11), MUTED);
        status.textProperty().bind(shell.backendStatusProperty());
        // an indeterminate bar: a chunk that sweeps along a track (what ProgressBar draws, without being a Control)
        Rectangle chunk = new Rectangle(BAR / 4, 6, ACCENT);
        Pane track = new Pane(chunk);
        track.setBackground(new Background(new BackgroundFill(Color.web("#2c3342"), null, null)));
        track.setMinSize(BAR, 6);
        track.setMaxSize(BAR, 6);
        track.setClip(new Rectangle(BAR, 6));
        VBox.setMargin(track, new Insets(4, 0, 4, 0));
        sweep = new TranslateTransition(Duration.seconds(1.2), chunk);
        sweep.setFromX(-BAR / 4);
        sweep.setToX(BAR);
        sweep.setInterpolator(Interpolator.EASE_BOTH);
        sweep.setCycleCount(Animation.INDEFINITE);
        sweep.play();
        getChildren().addAll(brand, tagline, track, status);
    }

    private static Text text(Font font, Color fill) {
        Text t = new Text();
        t.setFont(font);
        t.setFill(fill);
        return t;
    }

    /** Stops the bar's animation (the pane is being replaced). */
    public void stop() {
        sweep.stop();
    }

    /** Sets the window icon, if the icon is on the class path. */
    public static void applyIcon(Stage stage) {
        try (InputStream in = StartupPane.class.getResourceAsStream(ICON)) {
            if (in != null) {
                stage.getIcons().add(new Image(in));
            }
        } catch (java.io.IOException ignored) {
            // no icon: the window manager shows its default
        }
    }
}
