package org.reflectlab.core.train;

import java.util.List;
import org.reflectlab.core.data.RgbImage;

/**
 * What the model makes of a fixed set of held-out samples at one step: each input image, its
 * reconstruction, the caption the model reads from it, the true caption, and the image the
 * model generates from the true caption.
 */
public record SamplePanel(long step, List<RgbImage> inputs, List<RgbImage> reconstructions, List<String> readCaptions,
                          List<String> trueCaptions, List<RgbImage> generated) {
}
