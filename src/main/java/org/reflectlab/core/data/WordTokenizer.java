package org.reflectlab.core.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits typed text into lower-case words; punctuation separates words and is dropped. */
public final class WordTokenizer {

    private WordTokenizer() {
    }

    public static List<Word> split(String text) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && !isWordChar(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && isWordChar(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                words.add(new Word(text.substring(start, i).toLowerCase(Locale.ROOT), start, i));
            }
        }
        return words;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '\'' || c == '-';
    }
}
