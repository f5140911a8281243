package org.reflectlab.core.reflect;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.CaptionParser;
import org.reflectlab.core.data.Category;
import org.reflectlab.core.data.Clause;
import org.reflectlab.core.data.ParseResult;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.SceneObject;
import org.reflectlab.core.data.SceneSampler;
import org.reflectlab.core.data.Shape;
import org.reflectlab.core.data.ShapeColor;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.data.Size;
import org.reflectlab.core.nn.detector.SceneReader;
import org.reflectlab.core.nn.generator.Generator;
import org.reflectlab.core.nn.generator.LatentCodec;

/**
 * The base generator's own samples, the data Reflect-DiT learns to reflect from: many prompts x
 * several noise seeds, each sample with the critic's feedback and a verdict. Correct = the critic
 * accepts it and the pixel reader agrees with the critic's reading; wrong = the critic rejects it;
 * the rest (accepted but not confirmed) trains nothing. Context latents are stored exactly as
 * inference sees them: the decoded image encoded again.
 */
public final class SamplePool {

    public enum Verdict { CORRECT, WRONG, UNCONFIRMED }

    public record PoolSample(long noiseSeed, float[] latent, float[] contextLatent, List<String> feedback, Verdict verdict) {
    }

    public record Entry(Caption prompt, Category category, List<PoolSample> samples) {

        public List<PoolSample> with(Verdict v) {
            return samples.stream().filter(s -> s.verdict() == v).toList();
        }
    }

    /** How a pool is drawn. Weak categories are oversampled by {@code weights} (GenEval order). */
    public record Settings(int prompts, int seedsPerPrompt, int steps, double guidance, long seed, double[] weights) {

        public static final double[] DEFAULT_WEIGHTS = {1, 1.5, 1.5, 1, 2, 2};

        public Settings {
            if (prompts < 1 || seedsPerPrompt < 1 || weights.length != Category.GENEVAL.size()) {
                throw new IllegalArgumentException("at least one prompt and one seed; one weight per GenEval category");
            }
        }
    }

    private static final long SEED_SALT = 0x9E3779B97F4A7C15L;
    private static final int CHUNK = 128;

    private final List<Entry> entries;

    public SamplePool(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The noise seed of a pool sample: its own stream, never one an evaluation draws from. */
    public static long noiseSeed(long poolSeed, int prompt, int sample) {
        return ShapesWorld.random(poolSeed ^ SEED_SALT, (long) prompt * 1_000 + sample).nextLong();
    }

    /**
     * The pool's prompts: GenEval-style captions drawn by category weight, none of whose text is in
     * {@code excluded} (the evaluation prompts), no prompt twice.
     */
    public static List<Caption> drawPrompts(Settings s, Set<String> excluded, Map<Caption, Category> categories) {
        SplittableRandom r = new SplittableRandom(s.seed() ^ SEED_SALT);
        double total = Arrays.stream(s.weights()).sum();
        List<Caption> out = new ArrayList<>();
        java.util.Set<String> taken = new java.util.HashSet<>(excluded);
        int attempts = 0;
        while (out.size() < s.prompts()) {
            if (++attempts > 200 * s.prompts() + 10_000) {
                throw new IllegalStateException("cannot draw " + s.prompts() + " distinct prompts outside the evaluation set");
            }
            double u = r.nextDouble() * total;
            int c = 0;
            while (c < s.weights().length - 1 && (u -= s.weights()[c]) >= 0) {
                c++;
            }
            Category cat = Category.GENEVAL.get(c);
            Caption p = variant(cat, r);
            if (Generator.fits(p) && taken.add(p.text())) {
                out.add(p);
                categories.put(p, cat);
            }
        }
        return out;
    }

    /**
     * A prompt that tests a category's skill in words its evaluation prompts never use. ShapesWorld's
     * GenEval templates are few (4 single-object prompts, 48 position prompts, and GenEval-lite
     * holds every one of them), so a pool of those texts would be the evaluation set itself. Each
     * pool prompt adds an attribute the category's template lacks (a colour on counting, position
     * and two-object prompts, a size on single-object and colour prompts); colour attribution keeps
     * its template (360 texts, 50 evaluated).
     */
    static Caption variant(Category cat, SplittableRandom r) {
        Shape[] shapes = Shape.values();
        ShapeColor[] colors = ShapeColor.values();
        Shape a = shapes[r.nextInt(shapes.length)];
        Shape b = shapes[(java.util.Arrays.asList(shapes).indexOf(a) + 1 + r.nextInt(shapes.length - 1)) % shapes.length];
        ShapeColor ca = colors[r.nextInt(colors.length)];
        ShapeColor cb = colors[(java.util.Arrays.asList(colors).indexOf(ca) + 1 + r.nextInt(colors.length - 1)) % colors.length];
        Size size = Size.values()[r.nextInt(Size.values().length)];
        return switch (cat) {
            case SINGLE_OBJECT -> Caption.of(new Clause(1, a, null, size, null));
            case TWO_OBJECTS -> r.nextBoolean() ? Caption.of(new Clause(1, a, ca, null, null), Clause.of(b))
                    : Caption.of(Clause.of(a), new Clause(1, b, cb, null, null));
            case COUNTING -> Caption.of(new Clause(2 + r.nextInt(org.reflectlab.core.data.Scene.MAX_OBJECTS - 1), a, ca, null, null));
            case COLORS -> Caption.of(new Clause(1, a, ca, size, null));
            case POSITION -> Caption.related(new Clause(1, a, ca, null, null),
                    org.reflectlab.core.data.Relation.values()[r.nextInt(org.reflectlab.core.data.Relation.values().length)],
                    new Clause(1, b, cb, null, null));
            default -> SceneSampler.randomCaption(cat, r);
        };
    }

    /** Samples the base generator on every pool prompt; {@code progress} gets the prompts done. */
    public static SamplePool build(Generator generator, LatentCodec codec, SceneReader critic, Settings s, Set<String> excluded,
                                   IntConsumer progress, BooleanSupplier cancelled) {
        Map<Caption, Category> categories = new java.util.HashMap<>();
        List<Caption> prompts = drawPrompts(s, excluded, categories);
        List<Entry> entries = new ArrayList<>();
        int perChunk = promptsPerBatch(s);
        for (int from = 0; from < prompts.size() && !cancelled.getAsBoolean(); from += perChunk) {
            int to = Math.min(prompts.size(), from + perChunk);
            List<Entry> chunk = new ArrayList<>();
            for (int p = from; p < to; p++) {
                chunk.add(new Entry(prompts.get(p), categories.get(prompts.get(p)), List.of()));
            }
            entries.addAll(sample(generator, codec, critic, s, from, chunk));
            progress.accept(to);
        }
        return new SamplePool(entries);
    }

    /** Prompts sampled in one forward batch (about 128 images). */
    public static int promptsPerBatch(Settings s) {
        return Math.max(1, CHUNK / s.seedsPerPrompt());
    }

    /**
     * One batch: every seed of the given prompts (the pool's prompts {@code first}, {@code first}+1, ...;
     * their samples are ignored), sampled in one pass, with feedback and verdicts.
     */
    static List<Entry> sample(Generator generator, LatentCodec codec, SceneReader critic, Settings s, int first, List<Entry> prompts) {
        List<Generator.Condition> conds = new ArrayList<>();
        long[] seeds = new long[prompts.size() * s.seedsPerPrompt()];
        int k = 0;
        for (int p = 0; p < prompts.size(); p++) {
            for (int j = 0; j < s.seedsPerPrompt(); j++) {
                conds.add(new Generator.Condition(prompts.get(p).prompt(), List.of()));
                seeds[k++] = noiseSeed(s.seed(), first + p, j);
            }
        }
        INDArray z = generator.sample(conds, seeds, s.steps(), s.guidance());
        List<RgbImage> images = codec.decode(z);
        List<List<SceneObject>> seen = critic.read(images);
        INDArray again = codec.encode(images);
        List<Entry> out = new ArrayList<>();
        k = 0;
        for (Entry e : prompts) {
            List<PoolSample> samples = new ArrayList<>();
            for (int j = 0; j < s.seedsPerPrompt(); j++, k++) {
                List<String> fb = Feedback.sentences(e.prompt(), seen.get(k));
                Verdict v = verdict(fb, seen.get(k), images.get(k));
                samples.add(new PoolSample(seeds[k], z.getRow(k).dup().data().asFloat(), again.getRow(k).dup().data().asFloat(),
                        fb, v));
            }
            out.add(new Entry(e.prompt(), e.category(), samples));
        }
        return out;
    }

    /** Correct only where the critic accepts and the pixel reader sees what the critic saw. */
    static Verdict verdict(List<String> feedback, List<SceneObject> seen, RgbImage image) {
        if (!Feedback.isCorrect(feedback)) {
            return Verdict.WRONG;
        }
        return PixelCheck.agrees(seen, image) ? Verdict.CORRECT : Verdict.UNCONFIRMED;
    }

    public Map<Verdict, Integer> counts() {
        Map<Verdict, Integer> m = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            m.put(v, 0);
        }
        entries.forEach(e -> e.samples().forEach(s -> m.merge(s.verdict(), 1, Integer::sum)));
        return m;
    }

    public String summary() {
        Map<Verdict, Integer> c = counts();
        int n = c.values().stream().mapToInt(Integer::intValue).sum();
        long both = entries.stream().filter(e -> !e.with(Verdict.CORRECT).isEmpty() && !e.with(Verdict.WRONG).isEmpty()).count();
        return String.format(Locale.ROOT, "%d prompts, %d samples: %.1f%% correct (confirmed), %.1f%% wrong, %.1f%% unconfirmed; "
                        + "%d prompts have both a correct and a wrong sample", entries.size(), n, 100.0 * c.get(Verdict.CORRECT) / n,
                100.0 * c.get(Verdict.WRONG) / n, 100.0 * c.get(Verdict.UNCONFIRMED) / n, both);
    }

    /** Share of samples the critic accepts and the pixel reader confirms, per category. */
    public Map<Category, Double> correctRate() {
        Map<Category, int[]> t = new EnumMap<>(Category.class);
        for (Entry e : entries) {
            int[] a = t.computeIfAbsent(e.category(), x -> new int[2]);
            a[0] += e.with(Verdict.CORRECT).size();
            a[1] += e.samples().size();
        }
        Map<Category, Double> m = new EnumMap<>(Category.class);
        t.forEach((k, v) -> m.put(k, v[0] / (double) v[1]));
        return m;
    }

    // Storage: one tab-separated line per sample, written to a temp file and renamed //

    public void write(Path file) throws IOException {
        org.reflectlab.core.store.AtomicFile.writeText(file, w -> {
            w.write("# reflectlab sample pool v1: prompt, category, noise seed, verdict, feedback, latent, context latent\n");
            for (Entry e : entries) {
                for (PoolSample s : e.samples()) {
                    w.write(e.prompt().text() + "\t" + e.category().key() + "\t" + s.noiseSeed() + "\t" + s.verdict() + "\t"
                            + String.join("|", s.feedback()) + "\t" + floats(s.latent()) + "\t" + floats(s.contextLatent()) + "\n");
                }
            }
        });
    }

    public static SamplePool read(Path file) throws IOException {
        Map<String, Entry> byPrompt = new java.util.LinkedHashMap<>();
        int line = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String l;
            while ((l = r.readLine()) != null) {
                line++;
                if (l.startsWith("#") || l.isBlank()) {
                    continue;
                }
                String[] f = l.split("\t", -1);
                if (f.length != 7) {
                    throw new IOException(file + " line " + line + ": expected 7 tab-separated fields, found " + f.length);
                }
                try {
                    Entry e = byPrompt.get(f[0]);
                    if (e == null) {
                        ParseResult pr = CaptionParser.parse(f[0]);
                        if (!pr.ok()) {
                            throw new IOException(file + " line " + line + ": unreadable prompt '" + f[0] + "'");
                        }
                        e = new Entry(pr.caption(), category(f[1]), new ArrayList<>());
                        byPrompt.put(f[0], e);
                    }
                    e.samples().add(new PoolSample(Long.parseLong(f[2]), parse(f[5]), parse(f[6]),
                            f[4].isEmpty() ? List.of() : List.of(f[4].split("\\|")), Verdict.valueOf(f[3])));
                } catch (IllegalArgumentException ex) {
                    throw new IOException(file + " line " + line + ": " + ex.getMessage(), ex);
                }
            }
        }
        return new SamplePool(new ArrayList<>(byPrompt.values()));
    }

    private static Category category(String key) {
        for (Category c : Category.values()) {
            if (c.key().equals(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown category '" + key + "'");
    }

    private static String floats(float[] v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ",").append(v[i]);
        }
        return b.toString();
    }

    private static float[] parse(String s) {
        String[] p = s.split(",");
        float[] v = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            v[i] = Float.parseFloat(p[i]);
        }
        return v;
    }
}
