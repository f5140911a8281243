package org.reflectlab.ui.kit;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.reflectlab.core.text.Phrase;
import org.reflectlab.core.text.Term;

/**
 * The app's language: the current locale as a property, and every user-visible text looked up by key and formatted with
 * {@link MessageFormat} in that locale (parameters, {@code choice} plurals, locale-aware numbers), never concatenated.
 *
 * <p>Bundles are per feature, beside the feature's other resources: a key's first segment names its package, so
 * {@code data.seed} is in {@code org/reflectlab/ui/data/messages.properties} (English) and {@code messages_ja.properties}
 * (Japanese), both UTF-8. Per feature rather than one file because the workspaces are converted by different people at the
 * same time: each edits only its own bundle.
 *
 * <p>Views bind ({@link #text}) so a switch of {@link #localeProperty()} re-translates what is on screen without
 * rebuilding anything; ViewModels keep a {@link Message} (key and arguments) rather than a finished sentence for the same
 * reason; {@code core}'s sentences come as {@link Phrase}s (a key of these bundles and its arguments), which any argument
 * may be. A key missing from the bundles shows as the key itself (and fails {@code I18nKeysTest}).
 */
public final class I18n {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale JAPANESE = Locale.JAPANESE;
    /** The languages the app has bundles for, in menu order. */
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, JAPANESE);

    private static final ObjectProperty<Locale> LOCALE = new SimpleObjectProperty<>(fromSystem(Locale.getDefault()));
    private static final ResourceBundle.Control CONTROL = new Bundles();

    private I18n() {
    }

    /** A text to show later in whatever language is current then: a key and its arguments. */
    public record Message(String key, Object... args) {

        /** A text that is the same in every language (a number, a name, a model's own words). */
        public static Message literal(String text) {
            return new Message("kit.literal", text);
        }

        /** A sentence {@code core} made (a prediction's reveal, a fit's answer), said in the current language. */
        public static Message of(Phrase phrase) {
            return new Message(phrase.key(), phrase.args());
        }

        /** The text in the current language. */
        public String text() {
            return tr(key, args);
        }

        @Override
        public String toString() {
            return key + Arrays.toString(args);
        }
    }

    /** The supported language closest to a system locale: Japanese for any {@code ja} locale, else English. */
    public static Locale fromSystem(Locale system) {
        return system != null && "ja".equals(system.getLanguage()) ? JAPANESE : ENGLISH;
    }

    /** The current language; set it (FX thread) to switch the app at run time. */
    public static ObjectProperty<Locale> localeProperty() {
        return LOCALE;
    }

    public static Locale locale() {
        return LOCALE.get();
    }

    /** Switches the language (FX thread); anything but a supported locale falls back to English. */
    public static void setLocale(Locale locale) {
        LOCALE.set(SUPPORTED.contains(locale) ? locale : fromSystem(locale));
    }

    /** The text of {@code key} in the current language, its {@code {0}}, {@code {1}}... filled with {@code args}. */
    public static String tr(String key, Object... args) {
        return format(LOCALE.get(), key, args);
    }

    /** The text of {@code key} in a given language (tests, and the key check). */
    public static String format(Locale locale, String key, Object... args) {
        String pattern = pattern(locale, key);
        if (pattern == null) {
            return key;
        }
        Object[] resolved = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            resolved[i] = args[i] instanceof ObservableValue<?> o ? o.getValue()
                    : args[i] instanceof Message m ? format(locale, m.key(), m.args())
                    : args[i] instanceof Phrase p ? format(locale, p.key(), p.args())
                    : args[i] instanceof Term t ? format(locale, t.nameKey())
                    : args[i] instanceof ModelWords.Text t ? t.render(locale) : args[i];
        }
        // MessageFormat reads a lone apostrophe as a quote: patterns without arguments are shown as written
        return args.length == 0 && !pattern.contains("{") ? pattern : new MessageFormat(pattern, locale).format(resolved);
    }

    /** The raw pattern of a key, or null when no bundle has it. */
    public static String pattern(Locale locale, String key) {
        int dot = key.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        try {
            ResourceBundle b = ResourceBundle.getBundle(baseName(key.substring(0, dot)), locale, I18n.class.getClassLoader(), CONTROL);
            return b.containsKey(key) ? b.getString(key) : null;
        } catch (MissingResourceException noBundle) {
            return null;
        }
    }

    /**
     * Properties files only, and only the files the app ships: English is the base file and Japanese its {@code _ja}
     * file, so English asks for no {@code _en} file and Japanese for no {@code _ja_JP}. A file that is not there is looked
     * for in every jar on the class path (about a hundred in the app image): at start-up those misses opened every jar
     * before the first window. No fallback to the JVM's default locale either: a German system gets the English base.
     */
    static final class Bundles extends ResourceBundle.Control {

        @Override
        public List<String> getFormats(String baseName) {
            return FORMAT_PROPERTIES;
        }

        @Override
        public List<Locale> getCandidateLocales(String baseName, Locale locale) {
            return JAPANESE.getLanguage().equals(locale.getLanguage()) ? List.of(JAPANESE, Locale.ROOT) : List.of(Locale.ROOT);
        }

        @Override
        public Locale getFallbackLocale(String baseName, Locale locale) {
            return null;
        }
    }

    /** The bundle base name of a feature: {@code data} -> {@code org.reflectlab.ui.data.messages}. */
    public static String baseName(String feature) {
        return "org.reflectlab.ui." + feature + ".messages";
    }

    /**
     * The text of {@code key} as a binding: it follows the language and any argument that is an {@link ObservableValue}
     * (read when the text is computed). Bind a label, tooltip or menu item to it.
     */
    public static StringBinding text(String key, Object... args) {
        List<Observable> deps = new ArrayList<>();
        deps.add(LOCALE);
        for (Object a : args) {
            if (a instanceof Observable o) {
                deps.add(o);
            }
        }
        return Bindings.createStringBinding(() -> tr(key, args), deps.toArray(Observable[]::new));
    }

    /** A text computed by {@code compute} that is computed again when the language or one of {@code deps} changes. */
    public static StringBinding text(Callable<String> compute, Observable... deps) {
        Observable[] all = Arrays.copyOf(deps, deps.length + 1);
        all[deps.length] = LOCALE;
        return Bindings.createStringBinding(compute, all);
    }

    /** A ViewModel's message as a text that follows the language; an absent message is "". */
    public static StringBinding textOf(ObservableValue<Message> message) {
        return Bindings.createStringBinding(() -> message.getValue() == null ? "" : message.getValue().text(), message, LOCALE);
    }

    /** A number with a fixed count of decimals in the current language's conventions (grouping, decimal sign). */
    public static String number(double value, int decimals) {
        NumberFormat f = NumberFormat.getNumberInstance(LOCALE.get());
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        return f.format(value);
    }
}
