package org.reflectlab.ui.kit;

import java.util.function.IntFunction;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Pos;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;
import org.reflectlab.core.data.RgbImage;

/**
 * A small image shown big and pixel-crisp: whole-number zoom by pixel replication (no
 * smoothing), changed with the zoom property or Ctrl + mouse wheel; scrolls when larger than
 * its space. An optional overlay (e.g. a highlight of some pixels) is drawn on top at the same zoom.
 */
public final class PixelView extends ScrollPane {

    private final ImageView view = new ImageView();
    private final ImageView overlay = new ImageView();
    private IntFunction<Image> overlayAtZoom;
    private final IntegerProperty zoom = new SimpleIntegerProperty(8);
    private RgbImage image;

    public PixelView() {
        overlay.setMouseTransparent(true);
        StackPane holder = new StackPane(view, overlay);
        holder.setAlignment(Pos.CENTER);
        holder.getStyleClass().add("image-frame");
        setContent(holder);
        setFitToWidth(true);
        setFitToHeight(true);
        getStyleClass().add("pixel-view");
        zoom.addListener((o, a, b) -> {
            redraw();
            centre(); // a zoom change re-centres, so the image never drifts out of view
        });
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

    /** Scrolls to the middle of the image (where it is larger than the view). */
    public void centre() {
        setHvalue((getHmin() + getHmax()) / 2);
        setVvalue((getVmin() + getVmax()) / 2);
    }

    public ImageView imageView() {
        return view;
    }

    /**
     * Draws {@code atZoom.apply(zoom)} over the image, the same size as the zoomed image so the two
     * stay aligned; re-rendered when the zoom changes (a function, so outlines stay crisp at every
     * zoom). Null removes the overlay.
     */
    public void setOverlay(IntFunction<Image> atZoom) {
        this.overlayAtZoom = atZoom;
        redrawOverlay();
    }

    public ImageView overlayView() {
        return overlay;
    }

    private void redraw() {
        view.setImage(image == null ? null : Images.toFx(image, zoom.get()));
        redrawOverlay();
    }

    private void redrawOverlay() {
        overlay.setImage(image == null || overlayAtZoom == null ? null : overlayAtZoom.apply(zoom.get()));
    }
}
