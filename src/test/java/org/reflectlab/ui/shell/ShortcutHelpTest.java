package org.reflectlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** F1's list comes from the keymaps the views bind: every workspace's keys are in it. */
class ShortcutHelpTest {

    private static Map<String, List<String>> keysBySection() {
        List<ShortcutHelp.Section> sections = ShortcutHelp.sections(List.of(new ShortcutHelp.Row("F1", "keyboard shortcuts")),
                Workspaces.all());
        return sections.stream().collect(Collectors.toMap(ShortcutHelp.Section::title,
                s -> s.rows().stream().map(ShortcutHelp.Row::keys).toList()));
    }

    @Test
    void everyWorkspaceListsItsOwnKeys() {
        Map<String, List<String>> k = keysBySection();
        assertEquals(List.of("F1"), k.get("Everywhere"));
        assertTrue(k.get("Train").containsAll(List.of("F5", "F6", "Shift+F5")), k.get("Train").toString());
        assertTrue(k.get("Reflect").containsAll(List.of("Ctrl+Enter", "Esc", "Left", "Right", "Home", "End", "C")), k.get("Reflect").toString());
        assertTrue(k.get("World, Rollout mode").containsAll(List.of("Space", "Left", "Right", "Shift+Left", "Home", "End")));
        assertTrue(k.get("World, Play mode").containsAll(List.of("Left", "Up", "Space", "R")), k.get("World, Play mode").toString());
        assertTrue(k.get("Scaling").containsAll(List.of("Ctrl+R", "Esc")), k.get("Scaling").toString());
        assertTrue(k.get("Data").containsAll(List.of("Ctrl+R", "Ctrl+L", "Ctrl+E")));
        assertTrue(k.get("Aphasia").containsAll(List.of("Ctrl+R", "Esc")));
    }

    @Test
    void theTextHasOneLinePerKeyUnderItsWorkspace() {
        String text = ShortcutHelp.text(ShortcutHelp.sections(List.of(), Workspaces.all()));
        int train = text.indexOf("\nTrain\n");
        int reflect = text.indexOf("\nReflect\n");
        assertTrue(train >= 0 && reflect > train, text);
        assertTrue(text.substring(train, reflect).contains("F6") && text.substring(train, reflect).contains("pause / resume"), text);
    }
}
