package org.reflectlab.ui.shell;

import org.reflectlab.ui.kit.I18n;
import java.io.InputStream;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.Image;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * What the window shows for the second it takes to build the main window: the name, a progress
 * bar and the backend's status. It uses only plain JavaFX controls, so the window can appear as
 * soon as the toolkit is up; the main window replaces it on the next pulse.
 */
public final class StartupPane extends VBox {

    /** The application icon (also the app image's icon), from the class path. */
    public static final String ICON = "/org/reflectlab/ui/shell/reflectlab.png";

    public StartupPane(ShellViewModel shell) {
        super(10);
        setId("startup-pane");
        getStyleClass().add("startup-pane");
        setAlignment(Pos.CENTER);
        Label brand = new Label(I18n.tr("shell.brand"));
        brand.getStyleClass().add("brand");
        Label tagline = new Label();
        tagline.textProperty().bind(I18n.text("shell.startup.opening"));
        tagline.getStyleClass().add("brand-tagline");
        ProgressBar bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        bar.setPrefWidth(260);
        Label status = new Label();
        status.getStyleClass().add("brand-tagline");
        status.textProperty().bind(shell.backendStatusProperty());
        getChildren().addAll(brand, tagline, bar, status);
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
