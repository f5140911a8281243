package org.reflectlab.core.nn.detector;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Map;
import org.reflectlab.core.store.ConfigJson;

/**
 * A scene detector's architecture. Two kinds on purpose, so the judge is not the critic in
 * disguise: VIT reads the whole image as patch tokens with self-attention and a position-aware
 * readout to all nine cells at once; CROPS looks at each grid cell's pixels alone with an MLP
 * shared across cells.
 */
public record DetectorConfig(Arch arch, int imageSize, int width, int depth, int hidden) {

    /** The detector's architecture, stored in lower case ("vit", "crops"). */
    public enum Arch {
        VIT, CROPS;

        @JsonValue
        String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        static Arch parse(String s) {
            return java.util.Arrays.stream(values()).filter(x -> x.name().equalsIgnoreCase(s)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown detector architecture '" + s + "' (vit or crops)"));
        }
    }

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
        return ConfigJson.toMap(this);
    }

    public static DetectorConfig fromMap(Map<String, Object> m) {
        return ConfigJson.fromMap(m, DetectorConfig.class, "detector config lacks '%s'");
    }
}
