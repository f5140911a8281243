package org.reflectlab.core.reflect;

import java.util.ArrayList;
import java.util.List;
import org.reflectlab.core.nn.generator.FeedbackVocabulary;

/**
 * Which words the generator read at an iteration: for each earlier iteration in its context, the
 * feedback tokens it was given (cut at {@link FeedbackVocabulary#MAX_TOKENS}), with the learner's
 * edit in place of the critic's words at the edited iteration (none when masked).
 */
public final class ContextWords {

    /** The words read from one context pair; {@code masked} when no feedback token was read. */
    public record Pair(int from, List<String> words, boolean masked) {

        public String describe() {
            return "#" + from + ": " + (masked ? "(feedback masked: no words)" : String.join(" ", words).replace(FeedbackVocabulary.SEP, "|"));
        }
    }

    private ContextWords() {
    }

    /** For a plain run: the critic's words of every iteration in context. */
    public static List<Pair> read(ReflectionRun run, Iteration it) {
        return read(run, it, 0, null);
    }

    /** For a run re-run from iteration {@code editedAt} with {@code edit}. */
    public static List<Pair> read(ReflectionRun run, Iteration it, int editedAt, Reflector.FeedbackEdit edit) {
        List<Pair> out = new ArrayList<>();
        for (int j : it.contextFrom()) {
            if (j == editedAt && edit != null) {
                boolean masked = edit.ablation() == ReflectSettings.Ablation.NO_FEEDBACK;
                List<String> words = edit.ablation() == ReflectSettings.Ablation.SHUFFLED_FEEDBACK ? edit.donor().feedback(j, edit.words())
                        : edit.words();
                out.add(new Pair(j, masked ? List.of() : FeedbackVocabulary.read(words), masked));
            } else {
                out.add(new Pair(j, FeedbackVocabulary.read(run.iterations().get(j - 1).feedback()), false));
            }
        }
        return out;
    }
}
