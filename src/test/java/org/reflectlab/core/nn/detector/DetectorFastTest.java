package org.reflectlab.core.nn.detector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.data.DataSpec;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.reflect.ReflectModels;
import org.reflectlab.core.reflect.Reflector;
import org.reflectlab.core.store.ModelStore;

/** The critic's and judge's fast inference path gives their graphs' logits. */
class DetectorFastTest {

    private static Reflector shipped;

    @BeforeAll
    static void load() throws Exception {
        Backend.start(1);
        shipped = ReflectModels.load(new ModelStore(Path.of("models")));
    }

    @Test
    void shippedDetectorsGiveTheGraphsLogits() {
        ShapesWorld w = new ShapesWorld(DataSpec.defaults(5));
        List<RgbImage> images = w.samples(0, 6).stream().map(s -> w.render(s.scene())).toList();
        for (SceneReader r : List.of(shipped.critic(), shipped.judge())) {
            Detector d = (Detector) r;
            INDArray in = d.input(images);
            float[][] fast = new DetectorFast(d.config(), d.params()).logits(in, Detector.HEADS, Detector.HEAD_CLASSES);
            Map<String, INDArray> ref = d.graph().output(Map.of("input", in), "logits_presence", "logits_shape", "logits_color", "logits_size");
            String[] names = {"presence", "shape", "color", "size"};
            for (int k = 0; k < names.length; k++) {
                float[] expected = ref.get("logits_" + names[k]).dup('c').data().asFloat();
                assertEquals(expected.length, fast[k].length, names[k]);
                assertArrayEquals(expected, fast[k], 1e-3f, d.config().arch() + " " + names[k]);
            }
        }
    }
}
