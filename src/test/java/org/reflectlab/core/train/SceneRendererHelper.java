package org.reflectlab.core.train;

import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.SceneRenderer;
import org.reflectlab.core.data.ShapesWorld;

final class SceneRendererHelper {
    private SceneRendererHelper() {
    }

    static RgbImage image(ShapesWorld w, int size) {
        return SceneRenderer.render(w.sample(0).scene(), size);
    }
}
