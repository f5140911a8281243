package org.reflectlab.ui.world;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.ui.kit.Images;

/** One sequence's frame: title, the frame drawn pixel-crisp, and a caption (its error here). */
final class FramePanel extends VBox {

    private final ImageView image = new ImageView();
    private final Label caption = new Label();
    private final Label placeholder = new Label();
    private final StackPane frame;
    private final Label head;

    FramePanel(String id, String title) {
        setId(id);
        getStyleClass().add("frame-panel");
        head = new Label(title);
        head.getStyleClass().add("frame-title");
        image.setSmooth(false);
        placeholder.getStyleClass().add("placeholder");
        placeholder.setWrapText(true);
        frame = new StackPane(image, placeholder);
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
