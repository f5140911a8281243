package org.reflectlab.ui.data;

import javafx.scene.image.Image;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.Sample;
import org.reflectlab.ui.kit.Images;

/**
 * A sample as the grid shows it: the data, its rendered image and the card's thumbnail, scaled on the worker that
 * rendered the sample so the FX thread only attaches it (24 conversions at once cost a frame or more).
 */
public record SampleCard(Sample sample, RgbImage image, Image thumbnail) {

    /** The thumbnail's box on a card, in pixels. */
    public static final int THUMB_BOX = 96;

    /** Renders the thumbnail now (any thread: the image is not in a scene yet). */
    public SampleCard(Sample sample, RgbImage image) {
        this(sample, image, Images.toFx(image, Images.scaleToFit(image, THUMB_BOX)));
    }
}
