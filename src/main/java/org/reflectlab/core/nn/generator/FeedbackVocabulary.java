package org.reflectlab.core.nn.generator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reflectlab.core.data.Shape;
import org.reflectlab.core.data.ShapeColor;
import org.reflectlab.core.data.Size;

/**
 * Tokens for critic feedback as the generator reads it in its context: every word the
 * {@link Feedback} templates use, plus a separator between sentences. Fixed, so a trained
 * generator and the critic always agree.
 */
public final class FeedbackVocabulary {

    /** The critic's whole sentence for a right image (the vocabulary needs it before the critic exists). */
    public static final String CORRECT = "correct";

    public static final String PAD = "<pad>";
    public static final String SEP = "<sep>";
    /** Feedback tokens per context pair: one sentence always fits, a second is cut short. */
    public static final int MAX_TOKENS = 16;

    private static final List<String> TOKENS;
    private static final Map<String, Integer> IDS = new HashMap<>();

    static {
        List<String> t = new ArrayList<>(List.of(PAD, SEP, CORRECT, "there", "should", "be", "but", "only",
                "none", "exists", "exist", "the", "it", "is", "a", "an", "of", "left", "right", "above", "below", "they",
                "are", "in", "same", "column", "row", "at", "top", "bottom", "center", "objects", "image", "does", "not",
                "match", "prompt", "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"));
        for (Shape s : Shape.values()) {
            t.add(s.word());
            t.add(s.plural());
        }
        for (ShapeColor c : ShapeColor.values()) {
            t.add(c.word());
        }
        for (Size s : Size.values()) {
            t.add(s.word());
        }
        TOKENS = Collections.unmodifiableList(t);
        for (int i = 0; i < TOKENS.size(); i++) {
            IDS.put(TOKENS.get(i), i);
        }
    }

    private FeedbackVocabulary() {
    }

    public static int size() {
        return TOKENS.size();
    }

    /** Sentences as token ids, separated by SEP, cut at MAX_TOKENS, padded with PAD. */
    public static int[] encode(List<String> sentences) {
        int[] ids = new int[MAX_TOKENS];
        Arrays.fill(ids, IDS.get(PAD));
        int n = 0;
        for (int s = 0; s < sentences.size() && n < MAX_TOKENS; s++) {
            if (s > 0) {
                ids[n++] = IDS.get(SEP);
            }
            for (String w : sentences.get(s).split(" ")) {
                if (n == MAX_TOKENS) {
                    break;
                }
                Integer id = IDS.get(w);
                if (id == null) {
                    throw new IllegalArgumentException("feedback word not in the vocabulary: '" + w + "'");
                }
                ids[n++] = id;
            }
        }
        return ids;
    }

    /**
     * The words the generator actually reads of these sentences, in order, with {@link #SEP} between
     * sentences: everything past {@link #MAX_TOKENS} tokens is cut.
     */
    public static List<String> read(List<String> sentences) {
        int[] ids = encode(sentences);
        return Arrays.stream(ids, 0, length(ids)).mapToObj(TOKENS::get).toList();
    }

    public static int length(int[] ids) {
        int n = 0;
        while (n < ids.length && ids[n] != IDS.get(PAD)) {
            n++;
        }
        return n;
    }

    public static List<String> tokens() {
        return TOKENS;
    }
}
