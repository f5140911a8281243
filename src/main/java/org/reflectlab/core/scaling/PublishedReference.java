package org.reflectlab.core.scaling;

import java.util.List;

/**
 * Numbers published in the Reflect-DiT paper (arXiv 2503.12271; SANA-1.0-1.6B on the real
 * GenEval), shown beside our measurements as a labelled reference, never mixed into them. Only
 * values stated in the paper's abstract and summary tables are listed; intermediate N are not
 * guessed.
 */
public final class PublishedReference {

    public record Point(Method method, int n, double geneval, String source) {
    }

    public static final String SOURCE = "Reflect-DiT, arXiv 2503.12271 (SANA-1.0-1.6B, GenEval)";

    public static final List<Point> POINTS = List.of(
            new Point(Method.BEST_OF_N, 1, 0.62, SOURCE),
            new Point(Method.BEST_OF_N, 20, 0.75, SOURCE),
            new Point(Method.REFLECT, 1, 0.62, SOURCE),
            new Point(Method.REFLECT, 20, 0.81, SOURCE));

    private PublishedReference() {
    }

    public static List<Point> of(Method m) {
        return POINTS.stream().filter(p -> p.method() == m).toList();
    }
}
