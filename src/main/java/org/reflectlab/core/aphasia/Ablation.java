package org.reflectlab.core.aphasia;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reflectlab.core.nn.unified.UnifiedModel;
import org.reflectlab.core.store.Manifest;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.store.ModelStoreException;
import org.reflectlab.core.text.Phrase;

/**
 * The round trip on several unified models trained with the same small settings but for one change
 * each (the ablation variants, models named {@value #PREFIX}*), so their gaps can be set side by side.
 * A variant is described from its own manifest (the command that trained it), never from its name.
 */
public final class Ablation {

    public static final String PREFIX = "ablate-";
    public static final String BASELINE = PREFIX + "base";

    /** One variant's result and what distinguishes it. */
    public record Variant(String name, Phrase description, String command, AphasiaResult result) {
    }

    private Ablation() {
    }

    /** The ablation variants in the store, baseline first, then by name. */
    public static List<String> variantNames(ModelStore store) {
        List<String> names = new ArrayList<>();
        for (Manifest m : store.list()) {
            if (UnifiedModel.KIND.equals(m.kind()) && m.name() != null && m.name().startsWith(PREFIX)) {
                names.add(m.name());
            }
        }
        names.sort((a, b) -> a.equals(BASELINE) ? -1 : b.equals(BASELINE) ? 1 : a.compareTo(b));
        return names;
    }

    /** Runs each named variant (loading it, then letting it go) on the same held-out scenes. */
    public static List<Variant> run(ModelStore store, List<String> names, AphasiaSettings settings, AphasiaCache cache,
                                    RoundTrip.Listener listener) throws ModelStoreException {
        if (names.isEmpty()) {
            throw new ModelStoreException(ModelStoreException.Reason.MISSING_MODEL, "No ablation variants (models named "
                    + PREFIX + "*) in " + store.root() + ". Train them with e.g.: reflectlab train unified --steps 1500 --out "
                    + BASELINE + ", then the same with one change (--weights 1,1,1,1.0 --out " + PREFIX + "align, --latent 256 --out "
                    + PREFIX + "latent)");
        }
        List<Variant> out = new ArrayList<>();
        int k = 0;
        for (String name : names) {
            int done = k;
            RoundTrip.Listener part = new RoundTrip.Listener() {
                @Override
                public void progress(int d, int total) {
                    listener.progress(done * total + d, names.size() * total);
                }

                @Override
                public void checkCancelled() {
                    listener.checkCancelled();
                }
            };
            Manifest m = store.verify(name);
            AphasiaResult r = cache == null ? null : cache.get(sha(m), settings);
            if (r == null) {
                r = AphasiaModels.load(store, name).run(settings, part);
                if (cache != null) {
                    cache.put(r);
                }
            }
            out.add(new Variant(name, describe(m), m.command(), r));
            k++;
        }
        return out;
    }

    static String sha(Manifest m) {
        return m.fileFor("weights").map(f -> m.files().get(f).sha256()).orElse("unknown");
    }

    /** "latent 128, align weight 0.2, 1500 steps", read from the manifest's configuration. */
    @SuppressWarnings("unchecked")
    static Phrase describe(Manifest m) {
        Object model = m.config().get("model");
        Object training = m.config().get("training");
        if (!(model instanceof Map<?, ?> mm)) {
            return new Phrase("aphasia.variant.no-config");
        }
        Map<String, Object> t = training instanceof Map<?, ?> tm ? (Map<String, Object>) tm : Map.of();
        // the manifest's values as written there (strings), so "0.2" stays "0.2" in every language
        Phrase heads = String.valueOf(mm.get("decoderDepth")).equals("1") && String.valueOf(mm.get("captionDepth")).equals("2")
                ? Phrase.none() : new Phrase("aphasia.variant.heads", String.valueOf(mm.get("decoderDepth")), String.valueOf(mm.get("captionDepth")));
        return new Phrase("aphasia.variant.describe", String.valueOf(mm.get("latent")), String.valueOf(mm.get("alignWeight")),
                String.valueOf(mm.get("width")), heads, String.valueOf(t.getOrDefault("steps", "?")));
    }

    /** Plain-text table: per variant, the gap per metric (with interval), retrieval R@1 and modality bias. */
    public static List<String> table(List<Variant> variants) {
        List<String> out = new ArrayList<>();
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-16s", "variant"));
        for (Metric m : Metric.values()) {
            head.append(String.format(Locale.ROOT, " %22s", "gap " + m.label()));
        }
        head.append(String.format(Locale.ROOT, " %9s %9s %9s", "i2t R@1", "same-mod", "centroid"));
        out.add(head.toString());
        for (Variant v : variants) {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-16s", v.name()));
            for (Metric m : Metric.values()) {
                MetricSummary.Interval g = v.result().summary(m).gap();
                b.append(String.format(Locale.ROOT, " %22s", String.format(Locale.ROOT, "%+.3f [%+.3f,%+.3f]", g.mean(), g.low(), g.high())));
            }
            Retrieval q = v.result().retrieval();
            b.append(String.format(Locale.ROOT, " %9.3f %9.3f %9.3f", q.imageToTextAt1(), q.sameModalityShare(), q.centroidGap()));
            out.add(b.toString());
        }
        for (Variant v : variants) {
            out.add("# " + v.name() + ": " + v.description().english() + "; trained by: " + v.command());
        }
        return out;
    }
}
