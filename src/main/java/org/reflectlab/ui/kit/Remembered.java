package org.reflectlab.ui.kit;

import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.Property;
import javafx.beans.value.ObservableValue;
import org.reflectlab.core.settings.Settings;

/**
 * A workspace's settings that survive a restart: each value is read back from the user settings
 * (if there and readable) and written there whenever it changes; the shell saves the file on exit.
 * A stored value the workspace refuses (out of range, unparsable) is ignored: the default stays.
 * Call before the view is built, so the view starts from the remembered values.
 */
public final class Remembered {

    private final Settings settings;
    private final String prefix;

    public Remembered(Settings settings, String workspace) {
        this.settings = settings;
        this.prefix = workspace + ".";
    }

    /** A value with its own setter (which may refuse it), e.g. a ViewModel's validated command. */
    public <T> Remembered value(String key, ObservableValue<T> value, Function<String, T> parse, Consumer<T> set) {
        settings.get(prefix + key).ifPresent(text -> {
            try {
                T v = parse.apply(text);
                if (v != null) {
                    set.accept(v);
                }
            } catch (RuntimeException ignored) {
                // an old or hand-edited value that no longer fits: keep the default
            }
        });
        value.addListener((o, a, b) -> {
            if (b != null) {
                settings.put(prefix + key, String.valueOf(b));
            }
        });
        return this;
    }

    public <T> Remembered value(String key, Property<T> p, Function<String, T> parse) {
        return value(key, p, parse, p::setValue);
    }

    public Remembered text(String key, Property<String> p) {
        return value(key, p, s -> s);
    }

    public Remembered integer(String key, Property<Number> p) {
        return value(key, p, Integer::valueOf);
    }

    public Remembered decimal(String key, Property<Number> p) {
        return value(key, p, Double::valueOf);
    }

    public Remembered flag(String key, Property<Boolean> p) {
        return value(key, p, Boolean::valueOf);
    }
}
