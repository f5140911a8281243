package org.reflectlab.core.reflect;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reflectlab.core.data.Category;

/**
 * GenEval-lite scoring: an image is correct if the judge's reading satisfies the prompt; a
 * category's score is the share of its prompts judged correct; overall is the unweighted mean
 * of the six categories (as GenEval reports).
 */
public final class GenEvalLite {

    /** One prompt's outcome under one method. */
    public record Outcome(PromptSet.Prompt prompt, boolean correct, double nfe, int iterations) {
    }

    private GenEvalLite() {
    }

    public static Map<Category, Double> perCategory(List<Outcome> outcomes) {
        Map<Category, int[]> counts = new EnumMap<>(Category.class);
        for (Outcome o : outcomes) {
            int[] c = counts.computeIfAbsent(o.prompt().category(), k -> new int[2]);
            c[0] += o.correct() ? 1 : 0;
            c[1]++;
        }
        Map<Category, Double> out = new LinkedHashMap<>();
        for (Category c : Category.GENEVAL) {
            int[] v = counts.get(c);
            if (v != null) {
                out.put(c, v[0] / (double) v[1]);
            }
        }
        return out;
    }

    /** Unweighted mean over the categories present. */
    public static double overall(List<Outcome> outcomes) {
        return perCategory(outcomes).values().stream().mapToDouble(d -> d).average().orElse(Double.NaN);
    }

    /** Overall score of a resample of prompt indices (for bootstrap intervals). */
    public static double overall(List<Outcome> outcomes, int[] idx) {
        List<Outcome> sample = new ArrayList<>(idx.length);
        for (int i : idx) {
            sample.add(outcomes.get(i));
        }
        return overall(sample);
    }
}
