package org.reflectlab.ui.data;

import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.Sample;

/** A sample as the grid shows it: the data and its rendered image. */
public record SampleCard(Sample sample, RgbImage image) {
}
