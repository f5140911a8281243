package org.reflectlab.core.reflect;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.reflectlab.core.nn.detector.SceneReader;
import org.reflectlab.core.nn.generator.Generator;
import org.reflectlab.core.nn.generator.LatentCodec;

/**
 * How compute is counted: in generator network evaluations (NFE). Other work is converted at a
 * stated rate, its matrix-multiply FLOPs over those of one generator evaluation: a critic call,
 * encoding an image back into the latent (reflection does it to put the image in context), and
 * a test-time-training gradient step.
 */
public record Compute(double criticCall, double encode, double decode, double gradientStep) {

    public static Compute of(Generator g, SceneReader critic, LatentCodec codec) {
        double nfe = g.forwardFlops();
        return new Compute(critic.forwardFlops() / nfe, codec.unified().imageEncoderFlops() / nfe,
                codec.unified().imageDecoderFlops() / nfe, 3.0);
    }

    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unit", "one generator network evaluation (NFE)");
        m.put("criticCallNfe", round(criticCall));
        m.put("encodeNfe", round(encode));
        m.put("decodeNfe", round(decode));
        m.put("gradientStepNfe", round(gradientStep));
        m.put("basis", "matrix-multiply FLOPs relative to one generator forward pass; a gradient step = forward + backward = 3 NFE");
        return m;
    }

    private static double round(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.3f", v));
    }
}
