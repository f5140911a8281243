package org.reflectlab.core.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.nn.NetworkIO;
import org.reflectlab.core.nn.Params;
import org.reflectlab.core.nn.generator.Generator;
import org.reflectlab.core.nn.generator.LatentCodec;
import org.reflectlab.core.nn.unified.UnifiedConfig;
import org.reflectlab.core.nn.unified.UnifiedModel;
import org.reflectlab.core.settings.Range;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.store.ModelStoreException;

/**
 * A run that trains only the unified model's image decoder, on latents as a generator hands them
 * over: an image's latent projected on that generator's whitened principal components, with noise
 * of up to {@code pathNoise} added there (a generator's sample is never exactly a real image's
 * latent), then mapped back. Measured here, the decoder trained only on the encoder's own latents
 * lost a tenth of small shapes on this path; the encoders stay frozen, so the generator's latent
 * space, its projection and every model trained in it stay valid.
 *
 * @param generator the model whose projection defines the path (its parameters hold it)
 * @param pathNoise the largest noise, in whitened units; each example draws its own in [0, pathNoise]
 * @param share     the share of examples sent through the path; the rest decode the encoder's latent
 *                  with the model's own latent noise, so plain reconstructions are trained as well
 */
public record DecoderTuning(String generator, double pathNoise, double share) {

    public static final Range PATH_NOISE = Range.reals(0, 2);
    public static final Range SHARE = Range.reals(0, 1);
    /** The parameters a tuning run updates: the image decoder's (every other array stays as loaded). */
    public static final String TRAINABLE_PREFIX = "dec/";

    public DecoderTuning {
        if (generator == null || generator.isBlank()) {
            throw new IllegalArgumentException("tuning the decoder needs the generator whose decode path it trains on");
        }
        if (!PATH_NOISE.contains(pathNoise)) {
            throw new IllegalArgumentException("the decode path's noise must be " + PATH_NOISE.text());
        }
        if (!SHARE.contains(share)) {
            throw new IllegalArgumentException("the share of examples on the decode path must be " + SHARE.text());
        }
    }

    /** A new decoder's shape: its depth and, for a transformer decoder, the numbers per patch (0: the MLP decoder). */
    public record Shape(int depth, int channels) {
    }

    /**
     * A run that trains only {@code name}'s image decoder on this tuning's decode path, with a fresh optimizer and
     * schedule from these settings; with a shape (null: keep the loaded decoder), a new decoder of that shape, from
     * random weights seeded by the settings, on the loaded model's encoders.
     */
    public UnifiedTraining start(ModelStore store, String name, TrainSettings settings, Shape decoder) throws ModelStoreException {
        UnifiedModel loaded = UnifiedModelIO.load(store, name, store.verify(name));
        UnifiedModel model = loaded;
        if (decoder != null) {
            UnifiedConfig c = loaded.config();
            UnifiedConfig shaped = c.withArchitecture(c.width(), c.imageDepth(), c.textDepth(), decoder.depth(),
                    c.captionDepth(), c.latent()).withDecoderChannels(decoder.channels());
            model = UnifiedModel.create(shaped, settings.seed());
            for (Map.Entry<String, INDArray> e : model.params().arrays().entrySet()) {
                if (!trainable(e.getKey())) {
                    e.getValue().assign(loaded.params().get(e.getKey()));
                }
            }
        }
        return resume(model, settings, new LossHistory(UnifiedModel.LOSS_COMPONENTS), store);
    }

    /** The run on a model as it stands (a fresh start's, or a checkpoint's), with the generator's decode path. */
    UnifiedTraining resume(UnifiedModel model, TrainSettings settings, LossHistory history, ModelStore store)
            throws ModelStoreException {
        if (!model.config().noisyLatent()) {
            throw new IllegalArgumentException("tuning the decoder needs a model trained with --latent-noise "
                    + "(its training graph has the latent offset the decode path goes through)");
        }
        Generator g = NetworkIO.load(store, generator, Generator.NETWORK);
        return new UnifiedTraining(model, settings, history, this, new LatentCodec(model, g.params()));
    }

    /**
     * The latent offsets that make the reconstruction decode what the generator's path hands over: for the path's
     * share of examples, (its whitened projection + noise, mapped back) minus the encoder's latent; for the rest, the
     * model's own latent noise. The encoders are frozen, so the latent computed here is the one the training step
     * computes again.
     */
    INDArray offsets(UnifiedModel model, LatentCodec codec, List<RgbImage> images, INDArray ownNoise, SplittableRandom r) {
        INDArray z = model.imageLatents(images);
        INDArray w = codec.whiten(z);
        boolean[] onPath = new boolean[images.size()];
        for (int i = 0; i < onPath.length; i++) {
            onPath[i] = r.nextDouble() < share;
            double sigma = pathNoise * r.nextDouble();
            for (int c = 0; c < w.size(1); c++) {
                w.putScalar(i, c, w.getDouble(i, c) + Params.gaussian(r) * sigma);
            }
        }
        INDArray offsets = codec.unwhiten(w).subi(z);
        for (int i = 0; i < onPath.length; i++) {
            if (!onPath[i]) {
                offsets.putRow(i, ownNoise.getRow(i));
            }
        }
        return offsets;
    }

    public static boolean trainable(String parameter) {
        return parameter.startsWith(TRAINABLE_PREFIX);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("generator", generator);
        m.put("pathNoise", pathNoise);
        m.put("share", share);
        return m;
    }

    /** The tuning a manifest's training settings record, or null for a plain run. */
    static DecoderTuning fromMap(Object map) {
        if (!(map instanceof Map<?, ?> m)) {
            return null;
        }
        return new DecoderTuning(String.valueOf(m.get("generator")), ((Number) m.get("pathNoise")).doubleValue(),
                ((Number) m.get("share")).doubleValue());
    }
}
