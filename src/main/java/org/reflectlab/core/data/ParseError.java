package org.reflectlab.core.data;

import java.util.List;

/**
 * Why a caption could not be used, and where: {@code start}/{@code end} are character offsets
 * into the typed text (both 0 when the problem is the whole caption). {@code suggestion} is a
 * replacement for the offending word, when one is likely.
 *
 * <p>{@code message} is the English sentence; {@code code} and {@code args} say the same as structure (null code: none),
 * so a display or the CLI can say it in another language without parsing the English. Codes: {@code empty},
 * {@code unreadable} (the characters, named), {@code unknown-word} (the word, the suggestion or "").
 */
public record ParseError(String message, int start, int end, String suggestion, String code, List<String> args) {

    public ParseError {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** A problem with no code: shown in English wherever it is shown. */
    public ParseError(String message, int start, int end, String suggestion) {
        this(message, start, end, suggestion, null, List.of());
    }

    /** The typed text with the offending word replaced by the suggestion. */
    public String applySuggestion(String text) {
        if (suggestion == null) {
            return text;
        }
        return text.substring(0, start) + suggestion + text.substring(end);
    }
}
