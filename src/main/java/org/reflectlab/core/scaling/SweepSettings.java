package org.reflectlab.core.scaling;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.util.StdConverter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.reflectlab.core.reflect.ReflectSettings;
import org.reflectlab.core.store.ConfigJson;

/**
 * What a sweep runs: methods x K values x the first {@code perCategory} GenEval-lite prompts of
 * each category, with one seed and the sampling settings every method shares. Stored (a sweep's info.json, a cluster
 * job) through Jackson as {"methods": ["bon", ...], "k": [...], "promptsPerCategory": n, "seed", "samplingSteps",
 * "guidance", "contextSize"}: the keys and method ids sweeps saved before keep reading.
 */
public record SweepSettings(@JsonSerialize(contentConverter = MethodId.class) @JsonDeserialize(contentConverter = MethodOf.class)
                            List<Method> methods,
                            @JsonProperty("k") List<Integer> ks,
                            @JsonProperty("promptsPerCategory") int perCategory,
                            long seed, int samplingSteps, double guidance, int contextSize) {

    public static final List<Integer> DEFAULT_KS = List.of(1, 2, 4, 8, 12, 16, 20);
    /** The default prompt subset: 10 per category, 60 in all (the full set has 50 per category). */
    public static final int DEFAULT_PER_CATEGORY = 10;

    public SweepSettings {
        methods = List.copyOf(methods);
        ks = List.copyOf(new TreeSet<>(ks));
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("choose at least one method");
        }
        if (ks.isEmpty() || ks.get(0) < 1 || ks.get(ks.size() - 1) > ReflectSettings.MAX_K) {
            throw new IllegalArgumentException("K values must be 1 to " + ReflectSettings.MAX_K);
        }
        if (perCategory < 1) {
            throw new IllegalArgumentException("at least one prompt per category");
        }
        new ReflectSettings(ks.get(ks.size() - 1), seed, samplingSteps, contextSize, true, guidance);
    }

    /** Every method, K = 1..20, the default prompt subset. */
    public static SweepSettings defaults(long seed) {
        return new SweepSettings(List.of(Method.values()), DEFAULT_KS, DEFAULT_PER_CATEGORY, seed, 8,
                ReflectSettings.DEFAULT_GUIDANCE, 3);
    }

    /** A couple of minutes: K up to 8 and 5 prompts per category. */
    public static SweepSettings quick(long seed) {
        return new SweepSettings(List.of(Method.values()), List.of(1, 2, 4, 8), 5, seed, 8, ReflectSettings.DEFAULT_GUIDANCE, 3);
    }

    public int maxK() {
        return ks.get(ks.size() - 1);
    }

    /** "1,2,4" -> [1, 2, 4]; a clear message for anything else. */
    public static List<Integer> parseKs(String s) {
        List<Integer> out = new ArrayList<>();
        for (String part : s.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                out.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + part.trim() + "' is not a whole number (K values look like 1,2,4,8)");
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("give at least one K value");
        }
        return out;
    }

    /** The settings as a sweep stores them (see the class comment). */
    public Map<String, Object> describe() {
        return ConfigJson.toMap(this);
    }

    /** Reads what {@link #describe()} wrote; a missing key or a value out of range is named in the message. */
    public static SweepSettings fromMap(Map<String, Object> m) {
        return ConfigJson.fromMap(m, SweepSettings.class, "sweep settings lack '%s'");
    }

    /** A method as stored: its id ("bon"). */
    static final class MethodId extends StdConverter<Method, String> {
        @Override
        public String convert(Method m) {
            return m.id();
        }
    }

    /** A stored id back to its method; an unknown id is refused with the ids there are. */
    static final class MethodOf extends StdConverter<String, Method> {
        @Override
        public Method convert(String id) {
            return Method.parse(id);
        }
    }
}
