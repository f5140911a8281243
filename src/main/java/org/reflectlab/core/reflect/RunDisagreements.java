package org.reflectlab.core.reflect;

import java.util.ArrayList;
import java.util.List;

/**
 * Every generated image of a run (reflection's iterations, then best-of-N's candidates) with what
 * its readers saw: the browser of where the critic, the judge and the pixels disagree.
 */
public final class RunDisagreements {

    /** One image: where it came from, and its comparison. */
    public record Entry(String source, Iteration iteration, ReaderComparison comparison) {

        /** Whether the image is one of best-of-N's candidates (else a reflection iteration): for a display's own words. */
        public boolean bestOfN() {
            return source.startsWith(BEST_OF_N);
        }

        public boolean disagrees() {
            return !comparison.disagreements().isEmpty();
        }

        public String describe() {
            return source + ": " + (disagrees() ? comparison.disagreements().size() + " disagreement(s)" : "all readers agree");
        }
    }

    private static final String BEST_OF_N = "best-of-N";

    private RunDisagreements() {
    }

    public static List<Entry> of(List<Iteration> reflection, List<Iteration> bestOfN) {
        List<Entry> out = new ArrayList<>();
        reflection.forEach(it -> out.add(new Entry("reflection #" + it.k(), it, ReaderComparison.of(it))));
        bestOfN.forEach(it -> out.add(new Entry(BEST_OF_N + " #" + it.k(), it, ReaderComparison.of(it))));
        return out;
    }

    /** "3 of 8 images: critic and judge differ on 2, the pixels differ from a reader on 3". */
    public static String summary(List<Entry> entries) {
        long any = entries.stream().filter(Entry::disagrees).count();
        long cj = entries.stream().filter(e -> e.comparison().criticAndJudgeDisagree()).count();
        return any + " of " + entries.size() + " image(s) have a disagreement; critic and judge differ on " + cj + ".";
    }
}
