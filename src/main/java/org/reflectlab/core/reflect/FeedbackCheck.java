package org.reflectlab.core.reflect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.reflectlab.core.data.ParseError;
import org.reflectlab.core.data.Spelling;
import org.reflectlab.core.nn.generator.FeedbackVocabulary;

/**
 * Checks feedback a learner writes for the generator: sentences separated by ';' or new lines,
 * every word one the generator has a token for. An unknown word is named with the nearest known
 * one, as a misspelt prompt word is. Also says which words the generator will read and which it
 * cuts: it reads {@link FeedbackVocabulary#MAX_TOKENS} tokens per context pair.
 */
public final class FeedbackCheck {

    /**
     * The outcome: the sentences (empty: no feedback), the first problem (null if none), and the
     * words the generator reads ("&lt;sep&gt;" between sentences) and how many it cuts.
     */
    public record Result(List<String> sentences, ParseError error, List<String> read, int cut) {

        public boolean ok() {
            return error == null;
        }
    }

    private static final List<String> WORDS = FeedbackVocabulary.tokens().stream()
            .filter(w -> !w.equals(FeedbackVocabulary.PAD) && !w.equals(FeedbackVocabulary.SEP)).toList();

    private FeedbackCheck() {
    }

    public static Result check(String text) {
        List<String> sentences = new ArrayList<>();
        int offset = 0;
        for (String part : text.split("[;\\n]", -1)) {
            ParseError e = checkWords(part, offset);
            if (e != null) {
                return new Result(List.of(), e, List.of(), 0);
            }
            String sentence = String.join(" ", part.trim().toLowerCase(java.util.Locale.ROOT).split("\\s+"));
            if (!sentence.isEmpty()) {
                sentences.add(sentence);
            }
            offset += part.length() + 1;
        }
        return reading(sentences);
    }

    /** What the generator reads of sentences already known to be in its vocabulary. */
    public static Result reading(List<String> sentences) {
        List<String> read = FeedbackVocabulary.read(sentences);
        int total = sentences.stream().mapToInt(s -> s.split(" ").length).sum() + Math.max(0, sentences.size() - 1);
        return new Result(List.copyOf(sentences), null, read, total - read.size());
    }

    private static ParseError checkWords(String part, int offset) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\S+").matcher(part);
        while (m.find()) {
            String w = m.group().toLowerCase(java.util.Locale.ROOT);
            if (!WORDS.contains(w)) {
                Optional<String> near = Spelling.suggest(w, WORDS);
                String msg = "'" + m.group() + "' is not a word the generator was trained to read"
                        + near.map(n -> "; did you mean '" + n + "'?").orElse(" (it reads the critic's words only, e.g. "
                        + "'the circle should be red but it is blue')");
                return new ParseError(msg, offset + m.start(), offset + m.end(), near.orElse(null), "unknown-feedback-word",
                        List.of(m.group(), near.orElse("")));
            }
        }
        return null;
    }
}
