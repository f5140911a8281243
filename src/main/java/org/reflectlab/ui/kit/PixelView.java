package org.reflectlab.ui.kit;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Pos;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;
import org.reflectlab.core.data.RgbImage;

/**
 * A small image shown big and pixel-crisp: whole-number zoom by pixel replication (no
 * smoothing), changed with the zoom property or Ctrl + mouse wheel; scrolls when larger than
 * its space.
 */
public final class PixelView extends ScrollPane {

    private final ImageView view = new ImageView();
    private final IntegerProperty zoom = new SimpleIntegerProperty(8);
    private RgbImage image;

    public PixelView() {
        StackPane holder = new StackPane(view);
        holder.setAlignment(Pos.CENTER);
        holder.getStyleClass().add("image-frame");
        setContent(holder);
        setFitToWidth(true);
        setFitToHeight(true);
        getStyleClass().add("pixel-view");
        zoom.addListener((o, a, b) -> redraw());
        addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.isShortcutDown() && e.getDeltaY() != 0) {
                zoom.set(Math.max(1, Math.min(24, zoom.get() + (e.getDeltaY() > 0 ? 1 : -1))));
                e.consume();
            }
        });
    }

    public IntegerProperty zoomProperty() {
        return zoom;
    }

    public void setImage(RgbImage img) {
        this.image = img;
        redraw();
    }

    public RgbImage getImage() {
        return image;
    }

    public ImageView imageView() {
        return view;
    }

    private void redraw() {
        view.setImage(image == null ? null : Images.toFx(image, zoom.get()));
    }
}
