package org.reflectlab.core.reflect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.Sample;
import org.reflectlab.core.nn.generator.LatentCodec;
import org.reflectlab.core.nn.unified.UnifiedModel;
import org.reflectlab.core.train.UnifiedTraining;

/**
 * What survives the image decoder, read by the analytic pixel reader (presence, cell, colour and size;
 * it cannot read shape): the share of held-out scenes that come back exactly as they were, through a
 * plain reconstruction and through a generator's decode path (whitened projection and back). The
 * second is the ceiling of every image a generator drawing through that decoder can show.
 */
public final class DecodePathCheck {

    public static final String RECON_PIXEL = "recon_pixel_scene";
    public static final String DECODE_PATH_PIXEL = "decode_path_pixel_scene";

    private DecodePathCheck() {
    }

    /** Both shares over the run's first n held-out samples (its model and decode path as they are now). */
    public static Map<String, Double> measure(UnifiedTraining run, int n) {
        return measure(run.model(), run.codec(), run.heldOutSamples(n), run::renderHeldOut);
    }

    public static Map<String, Double> measure(UnifiedModel model, LatentCodec codec, List<Sample> samples,
                                              java.util.function.Function<Sample, RgbImage> render) {
        int recon = 0;
        int path = 0;
        for (int from = 0; from < samples.size(); from += 128) {
            List<Sample> part = samples.subList(from, Math.min(samples.size(), from + 128));
            List<RgbImage> renders = new ArrayList<>();
            part.forEach(s -> renders.add(render.apply(s)));
            List<RgbImage> plain = model.decodeImages(model.imageLatents(renders));
            List<RgbImage> decoded = codec.decode(codec.encode(renders));
            for (int i = 0; i < part.size(); i++) {
                recon += PixelCheck.agrees(part.get(i).scene().objects(), plain.get(i)) ? 1 : 0;
                path += PixelCheck.agrees(part.get(i).scene().objects(), decoded.get(i)) ? 1 : 0;
            }
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(RECON_PIXEL, recon / (double) Math.max(1, samples.size()));
        m.put(DECODE_PATH_PIXEL, path / (double) Math.max(1, samples.size()));
        return m;
    }
}
