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
import org.reflectlab.ui.kit.I18n;

/**
 * The Train workspace's hyperparameters: each with a category, a range and a description, so
 * a property sheet can show them and an out-of-range value is refused with a message (the old
 * value stays). Builds the model config and training settings from the accepted values.
 */
public final class HyperParams {

    /** What the status line says after each preset. */
    static final I18n.Message QUICK_STATUS = new I18n.Message("train.status.quick");
    static final I18n.Message FULL_STATUS = new I18n.Message("train.status.full");


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

        /** The name on the sheet, in the current language. */
        public String label() {
            return I18n.tr(label);
        }

        public String category() {
            return I18n.tr(category);
        }

        public String description() {
            return I18n.tr("train.param.described", I18n.tr(description), range());
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
            return rangeMessage().text();
        }

        /** "2 to 1024": bounds as written in the settings (not grouped), so they read as the values one types. */
        I18n.Message rangeMessage() {
            return new I18n.Message("train.param.range", fmt(min), fmt(max));
        }

        private static String fmt(double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e6 ? Long.toString((long) d) : String.format(Locale.ROOT, "%.6g", d);
        }
    }

    private static final String RUN = "train.param.category.run";
    private static final String OPTIMIZER = "train.param.category.optimizer";
    private static final String MODEL = "train.param.category.model";
    private static final String WEIGHTS = "train.param.category.weights";

    private final Map<String, Param> params = new LinkedHashMap<>();

    public HyperParams() {
        UnifiedConfig c = UnifiedConfig.defaults();
        TrainSettings s = TrainSettings.defaults();
        // labels, categories and descriptions are keys of the train bundle, shown in the current language
        add("seed", "train.param.seed", RUN, "train.param.seed.tip", TrainSettings.SEED, s.seed());
        add("steps", "train.param.steps", RUN, "train.param.steps.tip", TrainSettings.STEPS, 2000);
        add("batch", "train.param.batch", RUN, "train.param.batch.tip", TrainSettings.BATCH, s.batchSize());
        add("learningRate", "train.param.lr", OPTIMIZER, "train.param.lr.tip", TrainSettings.LEARNING_RATE, 0.0015);
        add("warmup", "train.param.warmup", OPTIMIZER, "train.param.warmup.tip", TrainSettings.WARMUP, 100);
        add("width", "train.param.width", MODEL, "train.param.width.tip", UnifiedConfig.WIDTH, c.width());
        add("latent", "train.param.latent", MODEL, "train.param.latent.tip", UnifiedConfig.LATENT, c.latent());
        add("imageDepth", "train.param.image-depth", MODEL, "train.param.image-depth.tip", UnifiedConfig.ENCODER_DEPTH, c.imageDepth());
        add("textDepth", "train.param.text-depth", MODEL, "train.param.text-depth.tip", UnifiedConfig.ENCODER_DEPTH, c.textDepth());
        add("decoderDepth", "train.param.decoder-depth", MODEL, "train.param.decoder-depth.tip", UnifiedConfig.DECODER_DEPTH,
                c.decoderDepth());
        add("reconWeight", "train.param.recon", WEIGHTS, "train.param.recon.tip", UnifiedConfig.LOSS_WEIGHT, c.reconWeight());
        add("generationWeight", "train.param.generation", WEIGHTS, "train.param.generation.tip", UnifiedConfig.LOSS_WEIGHT,
                c.generationWeight());
        add("captionWeight", "train.param.caption", WEIGHTS, "train.param.caption.tip", UnifiedConfig.LOSS_WEIGHT,
                c.captionWeight());
        add("alignWeight", "train.param.align", WEIGHTS, "train.param.align.tip", UnifiedConfig.LOSS_WEIGHT, c.alignWeight());
        add("evalEvery", "train.param.eval-every", RUN, "train.param.eval-every.tip", TrainSettings.EVAL_EVERY, 100);
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
    public Optional<I18n.Message> trySet(String key, Number value) {
        Param p = get(key);
        // the name and the range are messages too, so the refusal follows a language switch
        I18n.Message name = new I18n.Message(p.label);
        I18n.Message range = p.rangeMessage();
        if (value == null || !Double.isFinite(value.doubleValue())) {
            return Optional.of(new I18n.Message("train.param.error.nan", name, range));
        }
        double v = value.doubleValue();
        if (p.integer && v != Math.rint(v)) {
            return Optional.of(new I18n.Message("train.param.error.whole", name, range));
        }
        if (v < p.min || v > p.max) {
            return Optional.of(new I18n.Message("train.param.error.range", name, range, Param.fmt(v)));
        }
        if (key.equals("width") && ((int) v) % 4 != 0) {
            return Optional.of(new I18n.Message("train.param.error.width", (int) v));
        }
        p.value.set(p.integer ? (Number) (long) v : (Number) v);
        if (key.matches(".*Weight") && totalWeight() == 0) {
            p.value.set(0.1);
            return Optional.of(new I18n.Message("train.param.error.weights"));
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
