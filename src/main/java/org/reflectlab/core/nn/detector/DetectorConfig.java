package org.reflectlab.core.nn.detector;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A scene detector's architecture. Two kinds on purpose, so the judge is not the critic in
 * disguise: VIT reads the whole image as patch tokens with self-attention and a position-aware
 * readout to all nine cells at once; CROPS looks at each grid cell's pixels alone with an MLP
 * shared across cells.
 */
public record DetectorConfig(Arch arch, int imageSize, int width, int depth, int hidden) {

    /** The detector's architecture. */
    public enum Arch { VIT, CROPS }

    /** The critic: gives feedback during reflection. */
    public static DetectorConfig critic() {
        return new DetectorConfig(Arch.VIT, 32, 64, 2, 256);
    }

    /** The judge: only scores. */
    public static DetectorConfig judge() {
        return new DetectorConfig(Arch.CROPS, 32, 0, 2, 256);
    }

    public DetectorConfig {
        if (imageSize != 32) {
            throw new IllegalArgumentException("detectors read 32x32 images");
        }
        if (arch == Arch.VIT && (width < 16 || width > 256 || width % 4 != 0)) {
            throw new IllegalArgumentException("ViT width must be 16..256 and divisible by 4");
        }
        if (depth < 1 || depth > 6 || hidden < 16 || hidden > 1024) {
            throw new IllegalArgumentException("depth must be 1..6 and hidden 16..1024");
        }
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("arch", arch.name().toLowerCase(Locale.ROOT));
        m.put("imageSize", imageSize);
        m.put("width", width);
        m.put("depth", depth);
        m.put("hidden", hidden);
        return m;
    }

    public static DetectorConfig fromMap(Map<String, Object> m) {
        if (!(m.get("arch") instanceof String arch)) {
            throw new IllegalArgumentException("detector config lacks 'arch'");
        }
        Arch a = java.util.Arrays.stream(Arch.values()).filter(x -> x.name().equalsIgnoreCase(arch)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown detector architecture '" + arch + "' (vit or crops)"));
        return new DetectorConfig(a, i(m, "imageSize"), i(m, "width"), i(m, "depth"), i(m, "hidden"));
    }

    private static int i(Map<String, Object> m, String k) {
        if (!(m.get(k) instanceof Number n)) {
            throw new IllegalArgumentException("detector config lacks '" + k + "'");
        }
        return n.intValue();
    }
}
