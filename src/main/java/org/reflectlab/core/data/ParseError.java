package org.reflectlab.core.data;

/**
 * Why a caption could not be used, and where: {@code start}/{@code end} are character offsets
 * into the typed text (both 0 when the problem is the whole caption). {@code suggestion} is a
 * replacement for the offending word, when one is likely.
 */
public record ParseError(String message, int start, int end, String suggestion) {

    /** The typed text with the offending word replaced by the suggestion. */
    public String applySuggestion(String text) {
        if (suggestion == null) {
            return text;
        }
        return text.substring(0, start) + suggestion + text.substring(end);
    }
}
