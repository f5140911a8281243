package org.reflectlab.ui.kit;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;

/**
 * Keyboard shortcuts that belong to one view: registered as scene accelerators while the view
 * is in a scene and removed when it leaves (e.g. when another workspace is shown).
 */
public final class Shortcuts {

    private final Map<KeyCombination, Runnable> bindings = new LinkedHashMap<>();

    private Shortcuts() {
    }

    public static Shortcuts on(Node view) {
        Shortcuts s = new Shortcuts();
        view.sceneProperty().addListener((o, oldScene, newScene) -> {
            if (oldScene != null) {
                s.bindings.keySet().forEach(k -> oldScene.getAccelerators().remove(k));
            }
            if (newScene != null) {
                s.attach(newScene);
            }
        });
        if (view.getScene() != null) {
            s.attach(view.getScene());
        }
        return s;
    }

    public Shortcuts add(String combination, Runnable action) {
        bindings.put(KeyCombination.keyCombination(combination), action);
        return this;
    }

    public Map<KeyCombination, Runnable> bindings() {
        return Map.copyOf(bindings);
    }

    private void attach(Scene scene) {
        scene.getAccelerators().putAll(bindings);
    }
}
