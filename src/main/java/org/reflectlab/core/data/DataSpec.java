package org.reflectlab.core.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything that determines a ShapesWorld dataset: the same spec gives the same samples, byte
 * for byte, on every machine. Manifests record it so a model says what it was trained on.
 */
public record DataSpec(long seed, int imageSize, List<Category> categories) {

    public static final int DEFAULT_IMAGE_SIZE = 32;

    public DataSpec {
        if (imageSize < 12 || imageSize > 256) {
            throw new IllegalArgumentException("image size must be 12..256 pixels, not " + imageSize);
        }
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("at least one category");
        }
        categories = List.copyOf(categories);
    }

    public static DataSpec defaults(long seed) {
        return new DataSpec(seed, DEFAULT_IMAGE_SIZE, List.of(Category.values()));
    }

    public DataSpec withCategories(List<Category> c) {
        return new DataSpec(seed, imageSize, c);
    }

    public DataSpec withSeed(long s) {
        return new DataSpec(s, imageSize, categories);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("generator", "ShapesWorld");
        m.put("seed", seed);
        m.put("imageSize", imageSize);
        m.put("categories", categories.stream().map(Category::key).toList());
        return m;
    }
}
