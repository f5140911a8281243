package org.reflectlab.ui.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.reflectlab.core.nn.unified.UnifiedConfig;
import org.reflectlab.core.train.TrainSettings;

/**
 * The Train workspace's hyperparameters: each with a category, a range and a description, so
 * a property sheet can show them and an out-of-range value is refused with a message (the old
 * value stays). Builds the model config and training settings from the accepted values.
 */
public final class HyperParams {

    /** What the status line says after each preset. */
    static final String QUICK_STATUS = "Quick preset: a small model, evaluated and sampled every 20 steps. Press Start (F5):"
            + " within about a minute the captions it reads under the samples turn right and the generated images take shape."
            + " Full size: Full-size model, then Start.";
    static final String FULL_STATUS = "Full-size model: many times slower than the quick preset (tens of minutes on a laptop's"
            + " two cores). Press Start (F5).";


    /** One hyperparameter: its value and the range it accepts. */
    public static final class Param {
        private final String key;
        private final String label;
        private final String category;
        private final String description;
        private final boolean integer;
        private final double min;
        private final double max;
        private final ObjectProperty<Number> value;
        private final Number initial;

        Param(String key, String label, String category, String description, boolean integer, double min, double max,
              Number initial) {
            this.key = key;
            this.label = label;
            this.category = category;
            this.description = description;
            this.integer = integer;
            this.min = min;
            this.max = max;
            this.value = new SimpleObjectProperty<>(initial);
            this.initial = initial;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        public String category() {
            return category;
        }

        public String description() {
            return description + " (" + range() + ")";
        }

        public double min() {
            return min;
        }

        public double max() {
            return max;
        }

        public boolean integer() {
            return integer;
        }

        public ObjectProperty<Number> valueProperty() {
            return value;
        }

        public Number value() {
            return value.get();
        }

        String range() {
            return integer ? String.format(Locale.ROOT, "%d to %d", (long) min, (long) max)
                    : String.format(Locale.ROOT, "%s to %s", fmt(min), fmt(max));
        }

        private static String fmt(double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e6 ? Long.toString((long) d) : String.format(Locale.ROOT, "%.6g", d);
        }
    }

    private final Map<String, Param> params = new LinkedHashMap<>();

    public HyperParams() {
        UnifiedConfig c = UnifiedConfig.defaults();
        TrainSettings s = TrainSettings.defaults();
        add("seed", "Seed", "Run", "Seeds the data stream and the initial weights", TrainSettings.SEED, s.seed());
        add("steps", "Steps", "Run", "Training steps", TrainSettings.STEPS, 2000);
        add("batch", "Batch size", "Run", "Samples per step (the contrastive loss needs at least 2)", TrainSettings.BATCH, s.batchSize());
        add("learningRate", "Learning rate", "Optimizer", "Peak Adam learning rate", TrainSettings.LEARNING_RATE, 0.0015);
        add("warmup", "Warm-up steps", "Optimizer", "Linear warm-up before the cosine decay", TrainSettings.WARMUP, 100);
        add("width", "Width", "Model", "Transformer width (divisible by 4 heads)", UnifiedConfig.WIDTH, c.width());
        add("latent", "Latent size", "Model", "Size of the shared text/image latent", UnifiedConfig.LATENT, c.latent());
        add("imageDepth", "Image encoder depth", "Model", "Transformer blocks in the image encoder", UnifiedConfig.ENCODER_DEPTH, c.imageDepth());
        add("textDepth", "Text encoder depth", "Model", "Transformer blocks in the text encoder", UnifiedConfig.ENCODER_DEPTH, c.textDepth());
        add("decoderDepth", "Image decoder depth", "Model", "Hidden layers of the per-position image decoder", UnifiedConfig.DECODER_DEPTH,
                c.decoderDepth());
        add("reconWeight", "Reconstruction", "Loss weights", "Image -> latent -> image MSE", UnifiedConfig.LOSS_WEIGHT, c.reconWeight());
        add("generationWeight", "Generation", "Loss weights", "Caption -> latent -> image MSE", UnifiedConfig.LOSS_WEIGHT,
                c.generationWeight());
        add("captionWeight", "Captioning", "Loss weights", "Image -> latent -> caption cross-entropy", UnifiedConfig.LOSS_WEIGHT,
                c.captionWeight());
        add("alignWeight", "Alignment", "Loss weights", "Contrastive image/caption alignment", UnifiedConfig.LOSS_WEIGHT, c.alignWeight());
        add("evalEvery", "Evaluate every", "Run", "Steps between held-out evaluations", TrainSettings.EVAL_EVERY, 100);
    }

    /** Every parameter back to its initial value (the full-size model's settings). */
    public void applyDefaults() {
        params.values().forEach(p -> p.value.set(p.initial));
    }

    /**
     * The quick preset: a small model (width 48, one block each, latent 64) that reads captions
     * visibly better within about a minute on one core, evaluated and sampled every 20 steps.
     */
    public void applyQuick() {
        set("width", 48);
        set("latent", 64);
        set("imageDepth", 1);
        set("textDepth", 1);
        set("decoderDepth", 1);
        set("steps", 700);
        set("batch", 32);
        set("learningRate", 0.004);
        set("warmup", 20);
        set("evalEvery", 20);
    }

    /** A loaded model's architecture and loss weights, so the sheet shows what is training. */
    public void takeModel(UnifiedConfig c) {
        set("width", c.width());
        set("latent", c.latent());
        set("imageDepth", c.imageDepth());
        set("textDepth", c.textDepth());
        set("decoderDepth", c.decoderDepth());
        set("reconWeight", c.reconWeight());
        set("generationWeight", c.generationWeight());
        set("captionWeight", c.captionWeight());
        set("alignWeight", c.alignWeight());
    }

    private void set(String key, Number v) {
        Param p = get(key);
        p.value.set(p.integer ? (Number) v.longValue() : (Number) v.doubleValue());
    }

    /** A parameter whose accepted values are the core setting's own range (one source for both). */
    private void add(String key, String label, String category, String description, org.reflectlab.core.settings.Range range,
                     Number initial) {
        params.put(key, new Param(key, label, category, description, range.integer(), range.min(), range.max(), initial));
    }

    public List<Param> all() {
        return new ArrayList<>(params.values());
    }

    public Param get(String key) {
        Param p = params.get(key);
        if (p == null) {
            throw new IllegalArgumentException("no hyperparameter " + key);
        }
        return p;
    }

    /**
     * Sets a value if it is in range (and a whole number where one is needed); otherwise leaves
     * the old value and returns the reason.
     */
    public Optional<String> trySet(String key, Number value) {
        Param p = get(key);
        if (value == null || !Double.isFinite(value.doubleValue())) {
            return Optional.of(p.label + " needs a number (" + p.range() + ").");
        }
        double v = value.doubleValue();
        if (p.integer && v != Math.rint(v)) {
            return Optional.of(p.label + " must be a whole number (" + p.range() + ").");
        }
        if (v < p.min || v > p.max) {
            return Optional.of(p.label + " must be " + p.range() + "; " + Param.fmt(v) + " was refused.");
        }
        if (key.equals("width") && ((int) v) % 4 != 0) {
            return Optional.of("Width must be divisible by 4 (the model has 4 attention heads); " + (int) v + " was refused.");
        }
        p.value.set(p.integer ? (Number) (long) v : (Number) v);
        if (key.matches(".*Weight") && totalWeight() == 0) {
            p.value.set(0.1);
            return Optional.of("At least one loss weight must be above 0.");
        }
        return Optional.empty();
    }

    private double totalWeight() {
        return d("reconWeight") + d("generationWeight") + d("captionWeight") + d("alignWeight");
    }

    int i(String key) {
        return get(key).value().intValue();
    }

    double d(String key) {
        return get(key).value().doubleValue();
    }

    public UnifiedConfig toConfig() {
        UnifiedConfig base = UnifiedConfig.defaults();
        return new UnifiedConfig(base.imageSize(), base.patch(), i("width"), base.heads(), i("imageDepth"),
                i("textDepth"), i("decoderDepth"), base.captionDepth(), i("latent"), d("reconWeight"),
                d("generationWeight"), d("captionWeight"), d("alignWeight"), base.temperature());
    }

    public TrainSettings toSettings() {
        int evalEvery = i("evalEvery");
        return new TrainSettings(d("learningRate"), i("batch"), i("steps"), get("seed").value().longValue(), i("warmup"),
                evalEvery, 128, Math.max(1, Math.min(50, evalEvery)));
    }
}
