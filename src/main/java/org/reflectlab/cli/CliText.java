package org.reflectlab.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.reflectlab.core.data.ParseError;

/**
 * The CLI's messages for bad input, in the JVM's default locale ({@code -Duser.language=ja}, or {@code LANG=ja_JP.UTF-8}):
 * Japanese for a {@code ja} locale, English otherwise. Only refusals are translated; normal output stays English, because
 * scripts parse it. The app's remembered language does not apply here (the CLI reads no UI settings). Bundles:
 * {@code org/reflectlab/cli/messages.properties} and {@code messages_ja.properties}; {@code CliLocaleTest} checks both.
 */
final class CliText {

    // no fallback to the JVM's default locale's neighbours: any locale but Japanese gets the English base file
    private static final ResourceBundle.Control CONTROL = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private CliText() {
    }

    static boolean japanese() {
        return "ja".equals(Locale.getDefault().getLanguage());
    }

    static Locale locale() {
        return "ja".equals(Locale.getDefault().getLanguage()) ? Locale.JAPANESE : Locale.ROOT;
    }

    /** The text of {@code key} in the default locale's language, its {@code {0}}... filled with {@code args}. */
    static String tr(String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle("org.reflectlab.cli.messages", locale(), CliText.class.getClassLoader(), CONTROL).getString(key);
        } catch (MissingResourceException e) {
            return key + (args.length == 0 ? "" : " " + java.util.Arrays.toString(args));
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale()).format(args);
    }

    /** "error: ..." in the default locale's language. */
    static String error(String message) {
        return tr("cli.error", message);
    }

    /** A caption's or feedback's parse error: from its structure where it has one, else its English sentence in a frame. */
    static String parseError(ParseError e) {
        String code = e.code() == null ? "" : e.code();
        return switch (code) {
            case "empty" -> tr("cli.caption.empty");
            case "unreadable" -> tr("cli.caption.unreadable", e.args().get(0));
            case "unknown-word" -> e.args().get(1).isEmpty() ? tr("cli.caption.unknown", e.args().get(0))
                    : tr("cli.caption.unknown.near", e.args().get(0), e.args().get(1));
            default -> tr("cli.caption.other", e.message());
        };
    }
}
