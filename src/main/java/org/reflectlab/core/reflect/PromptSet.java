package org.reflectlab.core.reflect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.CaptionParser;
import org.reflectlab.core.data.Category;
import org.reflectlab.core.data.ParseResult;
import org.reflectlab.core.data.SceneSampler;

/**
 * GenEval-lite: prompts over GenEval's six categories, drawn by a seeded command and committed
 * as JSON, so every experiment scores the same prompts. A category with fewer distinct prompts
 * than asked for (ShapesWorld has four shapes, so "a circle" is one of only four single-object
 * prompts) repeats them; like GenEval's several images per prompt, every entry is sampled with
 * its own seed.
 */
public final class PromptSet {

    /** One prompt of the set. */
    public record Prompt(String id, Category category, Caption caption) {
        public String text() {
            return caption.text();
        }
    }

    /**
     * Only {@link #read} needs Jackson. A holder, so that generating a set does not initialise an ObjectMapper: the
     * Scaling workspace generates its prompts as it opens, on the FX thread, where this class's initialisation was the
     * largest item of the FX thread's samples in a JFR recording of `bench ui --only scaling`.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private final long seed;
    private final List<Prompt> prompts;
    private final int perCategory;

    public PromptSet(long seed, List<Prompt> prompts, int perCategory) {
        this.seed = seed;
        this.prompts = List.copyOf(prompts);
        this.perCategory = perCategory;
    }

    public static PromptSet generate(long seed, int perCategory) {
        List<Prompt> out = new ArrayList<>();
        for (Category c : Category.GENEVAL) {
            Map<String, Caption> distinct = new LinkedHashMap<>();
            SplittableRandom r = new SplittableRandom(seed * 1_000_003 + c.ordinal());
            for (int attempts = 0; distinct.size() < perCategory && attempts < perCategory * 200; attempts++) {
                Caption caption = SceneSampler.randomCaption(c, r);
                distinct.putIfAbsent(caption.text(), caption);
            }
            List<Caption> pool = new ArrayList<>(distinct.values());
            for (int i = 0; i < perCategory; i++) {
                out.add(new Prompt(c.key() + "-" + (i + 1), c, pool.get(i % pool.size())));
            }
        }
        return new PromptSet(seed, out, perCategory);
    }

    public List<Prompt> prompts() {
        return prompts;
    }

    public long seed() {
        return seed;
    }

    /** How many prompts every category has at least: the most a per-category subset can take. */
    public int mostPerCategory() {
        Map<Category, Integer> count = new LinkedHashMap<>();
        prompts.forEach(p -> count.merge(p.category(), 1, Integer::sum));
        return count.values().stream().mapToInt(Integer::intValue).min().orElse(0);
    }

    /** The first n of each category (a quick subset), in category order. */
    public PromptSet perCategory(int n) {
        Map<Category, Integer> taken = new LinkedHashMap<>();
        List<Prompt> out = new ArrayList<>();
        for (Prompt p : prompts) {
            int k = taken.merge(p.category(), 1, Integer::sum);
            if (k <= n) {
                out.add(p);
            }
        }
        return new PromptSet(seed, out, n);
    }

    /** The sampling seed of the i-th entry under a run seed, so repeated prompts get different samples. */
    public static long entrySeed(long runSeed, int index) {
        return org.reflectlab.core.data.ShapesWorld.random(runSeed, 1_000_000L + index).nextLong();
    }

    public void write(Path file) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", "GenEval-lite");
        root.put("seed", seed);
        root.put("command", "reflectlab prompts --seed " + seed + " --per-category " + perCategory);
        root.put("perCategory", perCategory);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Prompt p : prompts) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("category", p.category().key());
            m.put("prompt", p.text());
            list.add(m);
        }
        root.put("prompts", list);
        org.reflectlab.core.store.AtomicFile.writeJson(file, root);
    }

    /** Reads a prompt set; every prompt must parse and belong to the category it is filed under. */
    public static PromptSet read(Path file) throws IOException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException("Could not read the prompt set " + file + ": " + e.getMessage(), e);
        }
        List<Prompt> out = new ArrayList<>();
        for (JsonNode n : root.path("prompts")) {
            String text = n.path("prompt").asText();
            ParseResult r = CaptionParser.parse(text);
            if (!r.ok()) {
                throw new IOException("Prompt " + n.path("id").asText() + " in " + file + " does not parse: " + r.error().message());
            }
            Category c;
            try {
                c = Category.valueOf(n.path("category").asText().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IOException("Prompt " + n.path("id").asText() + " has an unknown category " + n.path("category"));
            }
            if (r.caption().category() != c) {
                throw new IOException("Prompt '" + text + "' is filed under " + c.key() + " but reads as " + r.caption().category().key());
            }
            out.add(new Prompt(n.path("id").asText(), c, r.caption()));
        }
        if (out.isEmpty()) {
            throw new IOException("The prompt set " + file + " holds no prompts.");
        }
        return new PromptSet(root.path("seed").asLong(), out, root.path("perCategory").asInt(0));
    }
}
