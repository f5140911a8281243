package org.reflectlab.core.nn.detector;

import java.util.List;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.SceneObject;

/** Something that reads the objects off images: the critic and the judge. */
public interface SceneReader {

    /** The objects seen in each image (any number, possibly none). */
    List<List<SceneObject>> read(List<RgbImage> images);

    /** Matrix-multiply FLOPs of reading one image (for compute accounting). */
    long forwardFlops();
}
