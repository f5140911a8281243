package org.reflectlab.ui.kit;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.Property;
import javafx.beans.value.ObservableValue;
import org.reflectlab.core.settings.Range;
import org.reflectlab.core.settings.Settings;

/**
 * A workspace's settings that survive a restart: each value is read back from the user settings
 * (if there and readable) and written there whenever it changes; the shell saves the file on exit.
 * Every stored value goes through the same check as its control (a range, a list of choices, or
 * the ViewModel's own validating setter): one it refuses keeps the default and is reported once
 * through {@link Settings#takeRefused()}, never applied. Call before the view is built, so the view
 * starts from the remembered values.
 */
public final class Remembered {

    private final Settings settings;
    private final String prefix;

    public Remembered(Settings settings, String workspace) {
        this.settings = settings;
        this.prefix = workspace + ".";
    }

    /**
     * A value with its own validating setter, e.g. a ViewModel's {@code boolean setSeed(long)}:
     * false (or an exception) means refused. {@code rule} says what the control accepts, for the report.
     */
    public <T> Remembered value(String key, ObservableValue<T> value, Function<String, T> parse, Predicate<T> set, String rule) {
        settings.get(prefix + key).ifPresent(text -> {
            boolean accepted;
            try {
                T v = parse.apply(text.trim());
                accepted = v != null && set.test(v);
            } catch (RuntimeException unparsable) {
                accepted = false;
            }
            if (!accepted) {
                settings.refuse(prefix + key, rule);
            }
        });
        value.addListener((o, a, b) -> {
            if (b != null) {
                settings.put(prefix + key, String.valueOf(b));
            }
        });
        return this;
    }

    /** A value any parsable text of which is fine (a flag, a free text, an enum by name). */
    public <T> Remembered value(String key, Property<T> p, Function<String, T> parse, String rule) {
        return value(key, p, parse, v -> {
            p.setValue(v);
            return true;
        }, rule);
    }

    public Remembered text(String key, Property<String> p) {
        return value(key, p, s -> s, I18n.tr("kit.remembered.text"));
    }

    /** A whole number within the range of its control. */
    public Remembered integer(String key, Property<Number> p, Range range) {
        return value(key, p, Long::valueOf, v -> range.contains(v.doubleValue()) && set(p, v.intValue()),
                I18n.tr("kit.remembered.range", range.text()));
    }

    /** One of the whole numbers its control offers. */
    public Remembered choice(String key, Property<Number> p, List<Integer> choices) {
        return value(key, p, Integer::valueOf, v -> choices.contains(v) && set(p, v), I18n.tr("kit.remembered.choices", choices.toString()));
    }

    /** A number within the range of its control. */
    public Remembered decimal(String key, Property<Number> p, Range range) {
        return value(key, p, Double::valueOf, v -> range.contains(v.doubleValue()) && set(p, v), I18n.tr("kit.remembered.range", range.text()));
    }

    public Remembered flag(String key, Property<Boolean> p) {
        return value(key, p, text -> switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        }, I18n.tr("kit.remembered.flag"));
    }

    private static boolean set(Property<Number> p, Number v) {
        p.setValue(v);
        return true;
    }
}
