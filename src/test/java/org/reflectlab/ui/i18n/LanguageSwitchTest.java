package org.reflectlab.ui.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.concurrent.SynchronousTaskRunner;
import org.reflectlab.core.settings.Settings;
import org.reflectlab.ui.concepts.ConceptExperiment;
import org.reflectlab.ui.data.DataViewModel;
import org.reflectlab.ui.kit.Glossary;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.RecordingNotifier;
import org.reflectlab.ui.shell.ShellViewModel;
import org.reflectlab.ui.shell.Workspace;

/** Switching the language re-translates what ViewModels expose, keeps their state, and is remembered. No toolkit. */
class LanguageSwitchTest {

    @TempDir
    Path home;

    private static final List<Workspace> WORKSPACES = List.of(new Workspace("data", "shell.workspace.data",
            "shell.workspace.data.hint", "", s -> null));

    @AfterEach
    void english() {
        I18n.setLocale(I18n.ENGLISH);
    }

    @Test
    void theShellsTextsFollowTheLanguageAndTheChoiceIsRemembered() {
        Path file = home.resolve("settings.properties");
        ShellViewModel vm = new ShellViewModel(WORKSPACES, new SynchronousTaskRunner(), new Settings(file));
        vm.languageProperty().set(I18n.ENGLISH);
        assertEquals("Backend starting…", vm.backendStatusProperty().get());
        assertEquals("Data", vm.workspaces().get(0).title());
        vm.languageProperty().set(I18n.JAPANESE);
        assertEquals(I18n.JAPANESE, I18n.locale());
        assertEquals("バックエンドを起動しています…", vm.backendStatusProperty().get(), "the bound text changed without a new value");
        assertEquals("データ", vm.workspaces().get(0).title());
        vm.saveSettings();

        I18n.setLocale(I18n.ENGLISH);
        ShellViewModel next = new ShellViewModel(WORKSPACES, new SynchronousTaskRunner(), new Settings(file));
        assertEquals(I18n.JAPANESE, next.languageProperty().get(), "remembered between runs");
        assertEquals(I18n.JAPANESE, I18n.locale());
    }

    @Test
    void anUnknownRememberedLanguageIsRefusedAndTheSystemsIsUsed() {
        Settings settings = new Settings(home.resolve("s.properties"));
        settings.put("shell.language", "xx");
        ShellViewModel vm = new ShellViewModel(WORKSPACES, new SynchronousTaskRunner(), settings);
        assertTrue(I18n.SUPPORTED.contains(vm.languageProperty().get()), vm.languageProperty().get().toString());
        assertEquals(1, settings.takeRefused().size());
    }

    @Test
    void theSystemLocaleChoosesTheDefault() {
        assertEquals(I18n.JAPANESE, I18n.fromSystem(Locale.JAPAN));
        assertEquals(I18n.ENGLISH, I18n.fromSystem(Locale.GERMANY));
        assertEquals(I18n.ENGLISH, I18n.fromSystem(Locale.US));
    }

    @Test
    void dataKeepsItsSamplesAndReTranslatesItsTexts() {
        DataViewModel vm = new DataViewModel(new SynchronousTaskRunner(), new RecordingNotifier());
        vm.seedProperty().set(7);
        vm.refresh();
        vm.caption().textProperty().set("a purple circle");
        String english = vm.caption().summaryProperty().get();
        var samples = List.copyOf(vm.samples());
        I18n.setLocale(I18n.JAPANESE);
        assertEquals("色 · a purple circle", vm.caption().summaryProperty().get(), "the category is translated, the caption is not");
        assertNotEquals(english, vm.caption().summaryProperty().get());
        assertEquals(samples, vm.samples(), "the same samples: nothing was rebuilt");
        assertEquals(7, vm.seedProperty().get());
        assertEquals("すべてのカテゴリ", vm.categoryProperty().get().label());
    }

    @Test
    void anExperimentsStatusLineFollowsTheLanguage() {
        ConceptExperiment<String> m = new ConceptExperiment<>("concepts.task.tokens", new SynchronousTaskRunner(), new RecordingNotifier());
        assertEquals("Not run yet.", m.statusProperty().get());
        m.run(p -> "done");
        assertTrue(m.statusProperty().get().startsWith("Done in "), m.statusProperty().get());
        I18n.setLocale(I18n.JAPANESE);
        assertTrue(m.statusProperty().get().endsWith("秒で完了しました。"), m.statusProperty().get());
    }

    @Test
    void theGlossaryKeepsTheLecturesEnglishTermsBesideTheJapanese() {
        I18n.setLocale(I18n.JAPANESE);
        assertEquals("Reflect-DiT", Glossary.get("Reflect-DiT").name());
        assertEquals("Best-of-N", Glossary.get("best-of-N").name());
        assertTrue(Glossary.get("NFE").name().startsWith("NFE"), Glossary.get("NFE").name());
        assertTrue(Glossary.get("inference-time scaling").name().contains("推論時スケーリング"));
        assertTrue(Glossary.get("unified multimodal model").name().contains("統合マルチモーダルモデル"));
        for (Glossary.Term t : Glossary.all()) {
            assertTrue(t.definition().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA),
                    t.id() + " has a Japanese definition: " + t.definition());
        }
    }

    @Test
    void pluralsAndNumbersAreFormattedNotConcatenated() {
        assertEquals("1 sample of seed 123456, colors. Same seed, same scenes, on every machine.",
                I18n.format(I18n.ENGLISH, "data.notice.measured", 1, 123456, "colors"));
        assertEquals("24 samples of seed 7, colors. Same seed, same scenes, on every machine.",
                I18n.format(I18n.ENGLISH, "data.notice.measured", 24, 7, "colors"));
        assertEquals("+0.25, -1.50", I18n.format(I18n.ENGLISH, "data.table.offset.value", 0.25, -1.5));
        assertEquals("Tasks (1,200)", I18n.format(I18n.ENGLISH, "shell.tasks.button", 1200));
        assertEquals("タスク (3)", I18n.format(I18n.JAPANESE, "shell.tasks.button", 3));
        I18n.setLocale(I18n.JAPANESE);
        assertEquals("1,234.50", I18n.number(1234.5, 2));
    }
}
