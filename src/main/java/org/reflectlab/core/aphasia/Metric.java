package org.reflectlab.core.aphasia;

import java.util.Locale;
import org.reflectlab.core.text.Term;

/**
 * What a round trip is scored on, each in [0, 1] per sample (higher is more faithful). Pixel
 * similarity compares pixels; the others compare the judge's reading of the reconstruction with the
 * TRUE scene (never with the judge's reading of the original), except {@link #FINE}, which is read
 * off the pixels because the judge does not see sub-cell detail.
 */
public enum Metric implements Term {
    PIXELS("pixels", "1 - mean absolute error over all RGB values (values clamped to [0,1])"),
    SHAPE("shape", "share of true objects the judge finds in their cell with the right shape"),
    COLOR("color", "share of true objects the judge finds in their cell with the right color"),
    SIZE("size", "share of true objects the judge finds in their cell with the right size"),
    POSITION("position", "true objects found in their cell / max(true objects, objects the judge read): strays cost"),
    COUNT("count", "1 if the judge reads exactly the true number of objects, else 0"),
    FINE("fine position", "share of true objects whose blob centroid in the reconstruction lies within "
            + AttributeAgreement.FINE_TOLERANCE_PX + " px of the same object's centroid in the original");

    private final String label;
    private final String definition;

    Metric(String label, String definition) {
        this.label = label;
        this.definition = definition;
    }

    public String label() {
        return label;
    }

    public String definition() {
        return definition;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The metric's name in the app's bundles (written out, so the key check sees every key). */
    @Override
    public String nameKey() {
        return switch (this) {
            case PIXELS -> "aphasia.metric.pixels";
            case SHAPE -> "aphasia.metric.shape";
            case COLOR -> "aphasia.metric.color";
            case SIZE -> "aphasia.metric.size";
            case POSITION -> "aphasia.metric.position";
            case COUNT -> "aphasia.metric.count";
            case FINE -> "aphasia.metric.fine";
        };
    }

    @Override
    public String englishName() {
        return label;
    }

    /** The attributes the judge (or the pixel reader, for fine position) scores; all but pixels. */
    public boolean isAttribute() {
        return this != PIXELS;
    }
}
