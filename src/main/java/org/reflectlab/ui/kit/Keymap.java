package org.reflectlab.ui.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * A view's keyboard shortcuts, declared once with what each does: the same entries are bound to
 * the view and listed by Help > Keyboard shortcuts (F1), so the list cannot drift from the keys.
 * Declare it as a static field of the view ({@code Keymap<MyView>}) and {@link #bind} it in the
 * constructor.
 *
 * <ul>
 *   <li>{@link #accelerator}: a scene accelerator while the view is in a scene (works wherever
 *       the focus is);</li>
 *   <li>{@link #key}: a key the view handles itself, unless the user is typing in a text field
 *       (arrows, letters);</li>
 *   <li>{@link #held}: a key that acts while held down (pressed and released).</li>
 * </ul>
 *
 * @param <V> the view type the actions run on
 */
public final class Keymap<V> {

    /** How an entry is bound. */
    public enum Kind { ACCELERATOR, KEY, HELD }

    /** One shortcut: its keys (JavaFX syntax, e.g. "Shortcut+Enter"), what it does, and how it is bound. */
    public record Entry<V>(String keys, String description, Kind kind, Consumer<V> action, BiConsumer<V, Boolean> held) {

        /** What it does, in the current language (a description that is not an {@link I18n} key shows as written). */
        public String text() {
            return I18n.tr(description);
        }

        public KeyCombination combination() {
            return KeyCombination.keyCombination(keys);
        }

        /** The keys as the help lists them ("Ctrl+Enter", "Shift+F5", "Left"). */
        public String display() {
            return Keymap.display(keys);
        }
    }

    private final String title;
    private final List<Entry<V>> entries = new ArrayList<>();

    private Keymap(String title) {
        this.title = title;
    }

    /** A keymap titled as the help lists it, e.g. "Reflect" or "World, Play mode". */
    public static <V> Keymap<V> of(String title) {
        return new Keymap<>(title);
    }

    public Keymap<V> accelerator(String keys, String description, Consumer<V> action) {
        return add(new Entry<>(keys, description, Kind.ACCELERATOR, action, null));
    }

    public Keymap<V> key(String keys, String description, Consumer<V> action) {
        return add(new Entry<>(keys, description, Kind.KEY, action, null));
    }

    public Keymap<V> held(String keys, String description, BiConsumer<V, Boolean> pressed) {
        return add(new Entry<>(keys, description, Kind.HELD, null, pressed));
    }

    private Keymap<V> add(Entry<V> e) {
        e.combination(); // a typo in the keys fails here, when the view class loads, not when the key is pressed
        entries.add(e);
        return this;
    }

    /** The title in the current language (a title that is not an {@link I18n} key shows as written). */
    public String title() {
        return I18n.tr(title);
    }

    public List<Entry<V>> entries() {
        return List.copyOf(entries);
    }

    /** Binds every entry for {@code view}, on {@code node} (usually the view itself). */
    public void bind(V view, Node node) {
        List<Entry<V>> accelerators = entries.stream().filter(e -> e.kind() == Kind.ACCELERATOR).toList();
        node.sceneProperty().addListener((o, oldScene, newScene) -> {
            if (oldScene != null) {
                accelerators.forEach(e -> oldScene.getAccelerators().remove(e.combination()));
            }
            if (newScene != null) {
                attach(newScene, view, accelerators);
            }
        });
        if (node.getScene() != null) {
            attach(node.getScene(), view, accelerators);
        }
        node.addEventFilter(KeyEvent.KEY_PRESSED, ev -> handle(view, node, ev, true));
        node.addEventFilter(KeyEvent.KEY_RELEASED, ev -> handle(view, node, ev, false));
    }

    private void attach(Scene scene, V view, List<Entry<V>> accelerators) {
        accelerators.forEach(e -> scene.getAccelerators().put(e.combination(), () -> e.action().accept(view)));
    }

    // Arrow keys and plain letters go to a text field when one has the focus; a filter, because
    // scroll panes and sliders would otherwise take the arrows first.
    private void handle(V view, Node node, KeyEvent ev, boolean pressed) {
        if (node.getScene() != null && node.getScene().getFocusOwner() instanceof TextInputControl) {
            return;
        }
        for (Entry<V> e : entries) {
            if (e.kind() == Kind.ACCELERATOR || !e.combination().match(ev)) {
                continue;
            }
            if (e.kind() == Kind.HELD) {
                e.held().accept(view, pressed);
            } else if (pressed) {
                e.action().accept(view);
            }
            ev.consume();
            return;
        }
    }

    /** "Shortcut+Shift+R" as this platform's keys: "Ctrl+Shift+R" (or "⌘+Shift+R" on a Mac). */
    public static String display(String keys) {
        boolean mac = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");
        String shown = keys.replace("Shortcut", mac ? "⌘" : "Ctrl");
        return shown.replace("Escape", "Esc").replace("Enter", "Enter");
    }
}
