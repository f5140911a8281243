package org.reflectlab.core.reflect;

import java.util.List;
import java.util.Locale;
import org.reflectlab.core.text.Phrase;
import org.reflectlab.core.text.PhrasedException;

/**
 * A learner's guess, before a reflection run, at the iteration whose image the judge first calls
 * correct (1 = right at once; {@link #NEVER} = not within the run), and how the run answered it.
 * The judge decides, not the critic: the critic's verdict is what the run acts on, and asking
 * when the image is really fixed is the point.
 */
public record FixPrediction(int iteration) {

    public static final int NEVER = 0;

    public FixPrediction {
        if (iteration < 0) {
            throw new IllegalArgumentException("an iteration is 1 or more (or never)");
        }
    }

    /** "3" or "never" for a run of up to {@code k} iterations; a clear message otherwise. */
    public static FixPrediction parse(String text, int k) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("never") || t.equals("none") || t.equals("-")) {
            return new FixPrediction(NEVER);
        }
        int i;
        try {
            i = Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new PhrasedException("reflect.parse.not-iteration", text.trim(), k);
        }
        if (i < 1 || i > k) {
            throw new PhrasedException("reflect.parse.out-of-range", k, i);
        }
        return new FixPrediction(i);
    }

    public String text() {
        return iteration == NEVER ? "never" : Integer.toString(iteration);
    }

    /** The judge's verdict per iteration, the first correct one (or NEVER), and where the critic stopped the run. */
    public record Outcome(FixPrediction predicted, List<Boolean> judgeCorrect, int fixedAt, int k, boolean stoppedEarly) {

        public boolean hit() {
            return predicted.iteration() == fixedAt;
        }
    }

    public Outcome against(ReflectionRun run) {
        List<Boolean> verdicts = run.iterations().stream().map(Iteration::judgeCorrect).toList();
        int fixed = verdicts.indexOf(Boolean.TRUE) + 1; // 0 (NEVER) when no iteration is correct
        return new Outcome(this, verdicts, fixed, run.settings().k(), run.stoppedEarly());
    }

    /** The reveal in one sentence, as a phrase: the app says it in the chosen language, {@link Phrase#english()} in English. */
    public static Phrase reveal(Outcome o) {
        int p = o.predicted().iteration();
        Phrase you = p == NEVER ? new Phrase("reflect.reveal.you-never", o.k()) : new Phrase("reflect.reveal.you", p);
        Phrase run = o.fixedAt() == NEVER ? new Phrase("reflect.reveal.none-correct", o.judgeCorrect().size())
                : new Phrase("reflect.reveal.fixed-at", o.fixedAt());
        Phrase stop = o.stoppedEarly() ? new Phrase("reflect.reveal.stopped", o.judgeCorrect().size()) : Phrase.none();
        Phrase verdict = o.hit() ? new Phrase("reflect.reveal.right")
                : o.fixedAt() == NEVER || p == NEVER ? new Phrase("reflect.reveal.wrong")
                : p < o.fixedAt() ? new Phrase("reflect.reveal.early", o.fixedAt() - p) : new Phrase("reflect.reveal.late", p - o.fixedAt());
        return new Phrase("reflect.reveal", you, run, stop, verdict);
    }
}
