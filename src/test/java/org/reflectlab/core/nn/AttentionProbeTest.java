package org.reflectlab.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.data.DataSpec;
import org.reflectlab.core.data.Sample;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.data.Vocabulary;
import org.reflectlab.core.nn.fast.FastOps;
import org.reflectlab.core.nn.unified.UnifiedConfig;
import org.reflectlab.core.nn.unified.UnifiedModel;

/** The attention probe sees the real softmax weights without changing the outputs, and masks causally on request. */
class AttentionProbeTest {

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    private record Seen(String block, int t, float[] w) {
    }

    private static FastOps.AttentionProbe recorder(boolean causal, List<Seen> out) {
        return new FastOps.AttentionProbe() {
            @Override
            public boolean causal() {
                return causal;
            }

            @Override
            public void weights(String block, int sequence, int head, FloatBuffer probs, int t) {
                float[] w = new float[t * t];
                for (int i = 0; i < w.length; i++) {
                    w[i] = probs.get(i);
                }
                out.add(new Seen(block, t, w));
            }
        };
    }

    @Test
    void fullProbeSeesRowsSummingToOneAndLeavesTheLatentsAlone() {
        UnifiedConfig cfg = UnifiedConfig.tiny();
        UnifiedModel m = UnifiedModel.create(cfg, 3);
        Sample s = new ShapesWorld(new DataSpec(1, 16, DataSpec.defaults(1).categories())).sample(0);
        var img = List.of(new ShapesWorld(new DataSpec(1, 16, DataSpec.defaults(1).categories())).render(s.scene()));
        INDArray plain = m.imageLatents(img);
        List<Seen> seen = new ArrayList<>();
        INDArray probed = m.imageLatentsProbed(img, recorder(false, seen));
        // the probe reads attention on the per-head products, plain inference runs short segments on the vector tiles
        // (HeadsForward): the same sums in another order, so equal to float rounding, not bit for bit
        assertEquals(0, plain.sub(probed).norm1Number().doubleValue(), 1e-4);
        assertEquals(cfg.imageDepth() * cfg.heads(), seen.size());
        for (Seen x : seen) {
            assertEquals(cfg.imageTokens(), x.t());
            for (int i = 0; i < x.t(); i++) {
                double sum = 0;
                for (int j = 0; j < x.t(); j++) {
                    sum += x.w()[i * x.t() + j];
                }
                assertEquals(1.0, sum, 1e-4);
            }
        }
        // text: one sequence of the caption's real tokens (words + EOS), padding never attended
        List<Seen> text = new ArrayList<>();
        m.textLatentsProbed(List.of(s.caption()), recorder(false, text));
        assertEquals(Vocabulary.length(Vocabulary.encode(s.caption())), text.get(0).t());
    }

    @Test
    void causalProbeHasExactlyLowerTriangularSupport() {
        UnifiedModel m = UnifiedModel.create(UnifiedConfig.tiny(), 4);
        Sample s = new ShapesWorld(DataSpec.defaults(2)).sample(1);
        List<Seen> seen = new ArrayList<>();
        INDArray causal = m.textLatentsProbed(List.of(s.caption()), recorder(true, seen));
        INDArray full = m.textLatents(List.of(s.caption()));
        assertTrue(causal.sub(full).norm1Number().doubleValue() > 1e-4, "a causal mask changes what the encoder computes");
        for (Seen x : seen) {
            int t = x.t();
            for (int i = 0; i < t; i++) {
                for (int j = 0; j < t; j++) {
                    float w = x.w()[i * t + j];
                    if (j > i) {
                        assertEquals(0f, w, "weight above the diagonal at " + i + "," + j);
                    } else {
                        assertTrue(w > 0f, "weight on or below the diagonal at " + i + "," + j);
                    }
                }
            }
            assertEquals(1f, x.w()[0], 1e-6f);
        }
    }
}
