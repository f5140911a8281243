package org.reflectlab.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The token vocabulary the models read and write: exactly the words canonical captions use.
 * Captions are encoded from their canonical text, so synonyms the parser accepts ("middle",
 * "the", digits) never reach a model.
 */
public final class Vocabulary {

    public static final String PAD = "<pad>";
    public static final String BOS = "<bos>";
    public static final String EOS = "<eos>";

    /** Longest canonical caption (3 full phrases joined by "and") plus the end token. */
    public static final int MAX_TOKENS = 24;

    private static final List<String> TOKENS;
    private static final Map<String, Integer> IDS = new HashMap<>();

    static {
        List<String> t = new ArrayList<>(List.of(PAD, BOS, EOS, "a", "an", "and", "at", "of", "two", "three"));
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
        t.addAll(List.of("top", "bottom", "left", "right", "center", "above", "below"));
        TOKENS = Collections.unmodifiableList(t);
        for (int i = 0; i < TOKENS.size(); i++) {
            IDS.put(TOKENS.get(i), i);
        }
    }

    private Vocabulary() {
    }

    public static int size() {
        return TOKENS.size();
    }

    public static List<String> tokens() {
        return TOKENS;
    }

    public static int id(String token) {
        Integer id = IDS.get(token);
        if (id == null) {
            throw new IllegalArgumentException("not a vocabulary token: '" + token + "'");
        }
        return id;
    }

    public static String token(int id) {
        return TOKENS.get(id);
    }

    public static boolean contains(String word) {
        return IDS.containsKey(word);
    }

    /** Canonical caption words then EOS, padded with PAD to MAX_TOKENS. */
    public static int[] encode(Caption caption) {
        String[] words = caption.text().split(" ");
        if (words.length + 1 > MAX_TOKENS) {
            throw new IllegalArgumentException("caption longer than " + (MAX_TOKENS - 1) + " words: " + caption);
        }
        int[] ids = new int[MAX_TOKENS];
        Arrays.fill(ids, id(PAD));
        for (int i = 0; i < words.length; i++) {
            ids[i] = id(words[i]);
        }
        ids[words.length] = id(EOS);
        return ids;
    }

    /** Words up to the first EOS (or PAD), skipping BOS. */
    public static String decode(int[] ids) {
        StringBuilder sb = new StringBuilder();
        for (int id : ids) {
            String t = TOKENS.get(id);
            if (t.equals(EOS) || t.equals(PAD)) {
                break;
            }
            if (t.equals(BOS)) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(t);
        }
        return sb.toString();
    }

    /** Number of real tokens (words + EOS) in an encoded caption. */
    public static int length(int[] ids) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id(EOS)) {
                return i + 1;
            }
        }
        return ids.length;
    }
}
