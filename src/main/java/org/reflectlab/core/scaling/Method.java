package org.reflectlab.core.scaling;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reflectlab.core.text.Term;

/** The inference-time scaling methods a sweep compares at equal compute. */
public enum Method implements Term {
    BEST_OF_N("bon", "Best-of-N"),
    REFLECT("reflect", "Reflect-DiT"),
    /** Reflect-DiT answering with the critic's pick among its iterations: best-of-N's answer rule. */
    REFLECT_PICK("reflect-pick", "Reflect-DiT (critic's pick)"),
    TEST_TIME_TRAINING("ttt", "Test-time training");

    private final String id;
    private final String label;

    Method(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** The method's name in the app's bundles (written out, so the key check sees every key). */
    @Override
    public String nameKey() {
        return switch (this) {
            case BEST_OF_N -> "scaling.method.bon";
            case REFLECT -> "scaling.method.reflect";
            case REFLECT_PICK -> "scaling.method.reflect-pick";
            case TEST_TIME_TRAINING -> "scaling.method.ttt";
        };
    }

    @Override
    public String englishName() {
        return label;
    }

    /** Reflect-DiT under either answer rule: both read the same reflection run. */
    public boolean isReflection() {
        return this == REFLECT || this == REFLECT_PICK;
    }

    public static Method parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        for (Method m : values()) {
            if (m.id.equals(t)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown method '" + s + "'; use bon, reflect, reflect-pick or ttt");
    }

    /** "bon,reflect" -> the methods, in the order given, without repeats. */
    public static List<Method> parseList(String s) {
        List<Method> out = new ArrayList<>();
        for (String part : s.split(",")) {
            if (!part.isBlank()) {
                Method m = parse(part);
                if (!out.contains(m)) {
                    out.add(m);
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("name at least one method (bon, reflect, reflect-pick, ttt)");
        }
        return out;
    }
}
