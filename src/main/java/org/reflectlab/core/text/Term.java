package org.reflectlab.core.text;

/**
 * A name {@code core} gives a thing (a scaling method, a metric): its key in the app's bundles and its English, which the
 * CLI prints. An enum implements it so a {@link Phrase} can carry the thing itself and each side names it in its language.
 */
public interface Term {

    /** The key of the name in the feature's bundles. */
    String nameKey();

    /** The name in English. */
    String englishName();
}
