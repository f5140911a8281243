package org.reflectlab.core.text;

/**
 * Input {@code core} cannot read, with the reason as a {@link Phrase}: the app shows the reason in the chosen language,
 * and {@link #getMessage()} is its English (what the CLI and the logs print).
 */
public class PhrasedException extends IllegalArgumentException {

    private final transient Phrase phrase;

    public PhrasedException(Phrase phrase) {
        super(phrase.english());
        this.phrase = phrase;
    }

    public PhrasedException(String key, Object... args) {
        this(new Phrase(key, args));
    }

    public Phrase phrase() {
        return phrase;
    }
}
