package org.reflectlab.ui.world;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.layout.VBox;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.world.BallPhysics;
import org.reflectlab.core.world.EndPrediction;
import org.reflectlab.core.world.Perception;
import org.reflectlab.ui.kit.Images;

/** One sequence's frame: title, the frame drawn pixel-crisp, and a caption (its error here). */
final class FramePanel extends VBox {

    private final ImageView image = new ImageView();
    private final Label caption = new Label();
    private final Label placeholder = new Label();
    private final StackPane frame;
    /** The learner's guess (a dashed ring) and, after a reveal, a line to where this sequence put the ball. */
    private final Pane marks = new Pane();
    private final Label head;

    FramePanel(String id, String title) {
        setId(id);
        getStyleClass().add("frame-panel");
        head = new Label(title);
        head.getStyleClass().add("frame-title");
        image.setSmooth(false);
        placeholder.getStyleClass().add("placeholder");
        placeholder.setWrapText(true);
        marks.setMouseTransparent(true);
        marks.setId(id + "-marks");
        frame = new StackPane(image, placeholder, marks);
        frame.getStyleClass().add("image-frame");
        caption.getStyleClass().add("frame-caption");
        setAlignment(Pos.TOP_CENTER);
        setSpacing(4);
        getChildren().addAll(head, frame, caption);
    }

    void show(RgbImage img, int scale, String text) {
        image.setImage(img == null ? null : Images.toFx(img, scale));
        placeholder.setVisible(img == null);
        caption.setText(text);
        frame.setMinSize(img == null ? 32 * scale + 8 : USE_COMPUTED_SIZE, img == null ? 32 * scale + 8 : USE_COMPUTED_SIZE);
    }

    void unavailable(String why, int scale) {
        image.setImage(null);
        placeholder.setText(why);
        placeholder.setVisible(true);
        placeholder.setMaxWidth(32 * scale);
        frame.setMinSize(32 * scale + 8, 32 * scale + 8);
        frame.setPrefSize(32 * scale + 8, 32 * scale + 8);
        caption.setText("");
    }

    /** Draws the guess (null: nothing) and, if {@code seen} is not null, a line from it to the ball this frame shows. */
    void mark(EndPrediction guess, Perception.Detection seen, int scale) {
        double size = 32.0 * scale;
        marks.getChildren().clear();
        marks.setMinSize(size, size);
        marks.setPrefSize(size, size);
        marks.setMaxSize(size, size);
        if (guess == null) {
            return;
        }
        Circle ring = new Circle(guess.x() * size, guess.y() * size, BallPhysics.RADIUS * size, Color.TRANSPARENT);
        ring.setStroke(Color.web("#ff7043"));
        ring.setStrokeWidth(2);
        ring.getStrokeDashArray().setAll(4.0, 3.0);
        ring.getStyleClass().add("guess-ring");
        marks.getChildren().add(ring);
        if (seen != null) {
            Line l = new Line(guess.x() * size, guess.y() * size, seen.x() * size, seen.y() * size);
            l.setStroke(Color.WHITE);
            l.getStrokeDashArray().setAll(2.0, 2.0);
            marks.getChildren().add(l);
        }
    }

    /** Marks drawn now (for tests): 0, 1 (the guess) or 2 (the guess and a line to the ball). */
    int markCount() {
        return marks.getChildren().size();
    }

    void setTitle(Object title) {
        head.setText(String.valueOf(title));
    }

    ImageView imageView() {
        return image;
    }

    String captionText() {
        return caption.getText();
    }
}
