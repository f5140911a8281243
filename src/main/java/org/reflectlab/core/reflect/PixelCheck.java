package org.reflectlab.core.reflect;

import java.util.ArrayList;
import java.util.List;
import org.reflectlab.core.data.PixelSceneReader;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.SceneObject;

/**
 * An independent, untrained check of a reading: do the analytic pixel reader's blobs match the
 * objects one to one by cell, colour and size? Shape is not checked (the pixel reader cannot see
 * it). Used to confirm labels of generated images before they train anything, and to audit the
 * critic and the judge on what the generator really draws.
 */
public final class PixelCheck {

    private PixelCheck() {
    }

    public static boolean agrees(List<SceneObject> objects, RgbImage image) {
        return agrees(objects, PixelSceneReader.read(image));
    }

    public static boolean agrees(List<SceneObject> objects, List<PixelSceneReader.Blob> blobs) {
        if (blobs.size() != objects.size()) {
            return false;
        }
        List<PixelSceneReader.Blob> left = new ArrayList<>(blobs);
        for (SceneObject o : objects) {
            PixelSceneReader.Blob hit = left.stream()
                    .filter(b -> b.cell().equals(o.cell()) && b.color() == o.color() && b.size() == o.size())
                    .findFirst().orElse(null);
            if (hit == null) {
                return false;
            }
            left.remove(hit);
        }
        return true;
    }

    /**
     * Whether the pixel reader is confident about an image: 1-3 blobs, none of them a sliver or
     * two merged objects (areas within what one ShapesWorld object covers).
     */
    public static boolean confident(List<PixelSceneReader.Blob> blobs, int width, int height) {
        if (blobs.isEmpty() || blobs.size() > 3) {
            return false;
        }
        double cellArea = width * height / 9.0;
        return blobs.stream().allMatch(b -> b.area() >= 0.08 * cellArea && b.area() <= 0.9 * cellArea);
    }
}
