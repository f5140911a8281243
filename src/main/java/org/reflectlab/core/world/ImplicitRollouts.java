package org.reflectlab.core.world;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.nn.world.ImplicitModel;

/** Rolls the implicit model out for several episodes at once (one batched step per frame). */
public final class ImplicitRollouts {

    private ImplicitRollouts() {
    }

    /**
     * @param contexts per episode its two context frames
     * @param actions  per episode: [0] between the context frames, [k] leading to frame k
     * @return per episode frames 0..horizon, frame 0 being the last context frame
     */
    public static List<List<RgbImage>> run(ImplicitModel model, List<RgbImage[]> contexts, List<double[][]> actions,
                                           int horizon, Runnable checkpoint) {
        int n = contexts.size();
        List<List<RgbImage>> out = new ArrayList<>(n);
        List<RgbImage> prev = new ArrayList<>(n);
        List<RgbImage> cur = new ArrayList<>(n);
        double[][] first = new double[n][];
        for (int i = 0; i < n; i++) {
            prev.add(contexts.get(i)[0]);
            cur.add(contexts.get(i)[1]);
            first[i] = actions.get(i)[0];
            List<RgbImage> frames = new ArrayList<>(horizon + 1);
            frames.add(contexts.get(i)[1]);
            out.add(frames);
        }
        INDArray z = model.encode(prev, cur, first);
        double[][] step = new double[n][];
        for (int k = 1; k <= horizon; k++) {
            checkpoint.run();
            for (int i = 0; i < n; i++) {
                step[i] = actions.get(i)[k];
            }
            ImplicitModel.Step s = model.step(z, step);
            z = s.latent();
            for (int i = 0; i < n; i++) {
                out.get(i).add(s.frames().get(i));
            }
        }
        return out;
    }
}
