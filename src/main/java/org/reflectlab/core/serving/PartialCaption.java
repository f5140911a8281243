package org.reflectlab.core.serving;

import java.util.Arrays;
import java.util.Optional;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.CaptionParser;
import org.reflectlab.core.data.ParseResult;

/**
 * The part of a decoded caption that can be used. A caption decoder's sentence can go wrong at its
 * end ("a small blue triangle at at"): the longest run of leading words that parses is answered,
 * and the words left out are named, instead of answering nothing.
 *
 * @param understood the leading words that parse, as a caption
 * @param notUnderstood the words left out (empty when the whole caption parsed)
 */
record PartialCaption(Caption caption, String understood, String notUnderstood) {

    boolean whole() {
        return notUnderstood.isEmpty();
    }

    /** The caption, all of it or its longest parsable beginning; empty when not even its first words parse. */
    static Optional<PartialCaption> read(String text) {
        ParseResult all = CaptionParser.parse(text);
        if (all.ok()) {
            return Optional.of(new PartialCaption(all.caption(), text.trim(), ""));
        }
        String[] words = text.trim().split("\\s+");
        for (int k = words.length - 1; k >= 1; k--) {
            String head = String.join(" ", Arrays.copyOfRange(words, 0, k));
            ParseResult r = CaptionParser.parse(head);
            if (r.ok()) {
                return Optional.of(new PartialCaption(r.caption(), head, String.join(" ", Arrays.copyOfRange(words, k, words.length))));
            }
        }
        return Optional.empty();
    }
}
