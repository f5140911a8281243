package org.reflectlab.core.world;

/** The sequences compared frame by frame. */
public enum ModelKind {
    TRUTH("ground truth"),
    EXPLICIT("explicit"),
    IMPLICIT("implicit"),
    HYBRID("hybrid");

    private final String label;

    ModelKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
