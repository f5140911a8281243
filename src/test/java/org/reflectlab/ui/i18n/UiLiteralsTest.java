package org.reflectlab.ui.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No user-visible text as a string literal in the UI packages that are converted: it belongs in a bundle. A literal
 * counts as text when it reads as words (a space between letters, or a capitalised word); ids, style classes, keys, key
 * combinations, formats, LaTeX and CSS do not. What is left and still not text is allowed below, one by one, with why.
 */
class UiLiteralsTest {

    /**
     * UI packages whose texts are still English literals (issue 30: converted in a later session, on this foundation).
     * The list can only shrink: a package listed here that has no text literal left fails the test until it is removed.
     */
    private static final Set<String> NOT_CONVERTED = Set.of();

    /** UI packages that are not the app's UI: the bench tools print for scripts and the README (the CLI stays English). */
    private static final Set<String> NOT_UI = Set.of("bench");

    /** Literals in converted packages that look like text and are not UI text. */
    private static final Set<String> ALLOWED = Set.of(
            // ShapesWorld captions: the models' English vocabulary (what they read), not UI text
            "a red circle above a blue square", "a red circle", "a large red circle left of a small blue square",
            "a red circle left of a blue square",
            // fonts by family name
            "DejaVu Sans", "Monospaced",
            // the English labels older versions stored in the settings, read once to keep a remembered category
            "All categories",
            // programming errors, never shown to a learner (a view passed a term the glossary lacks, a bad buffer size)
            "no glossary term '", "maxPoints must be at least 4", "at least one workspace", "no hyperparameter ",
            "images differ in size: ", "the last frame cannot be negative",
            // a checkpoint's description in its manifest (data on disk, listed by the CLI), not shown in the window
            "ReflectLab Train workspace, step ", "ReflectLab Train workspace: the run put aside while the workspace was hidden",
            // the audio device's own error, written to stderr only (the window shows data.sound.none)
            "no audio output device: ",
            // start-up milestones, printed to stderr for `bench startup` (StartupTimes), not shown in the window
            "window shown", "first frame", "backend ready", "main window interactive", "main window built", "startup: %s %d ms after JVM start%n",
            // `bench ui`'s trace of the FX thread's heavy frames (-Dreflectlab.bench.trace), printed for the benchmark
            "an update from '", "the result of '", "%.1f ms FX-thread CPU in %s");

    /** Key names as JavaFX spells them (Keymap shows "Escape" as "Esc"). */
    private static final Set<String> KEY_NAMES = Set.of("Escape", "Esc", "Enter", "Space", "Left", "Right", "Up", "Down", "Home", "End");

    /**
     * The glossary's terms by English name: identifiers (views pass them to link a term), whose shown name and
     * definition are in the kit bundle.
     */
    private static final Set<String> GLOSSARY_IDS = org.reflectlab.ui.kit.Glossary.all().stream()
            .map(org.reflectlab.ui.kit.Glossary.Term::id).collect(java.util.stream.Collectors.toSet());

    private static final Pattern WORDS = Pattern.compile("[A-Za-z]{2,}[^\"]*\\s[^\"]*[A-Za-z]{2,}|^[A-Z][a-z]{2,}|[a-z]{3,}(\\.\\.\\.|…)");
    private static final Pattern KEY_OR_ID = Pattern.compile("[#.]?[a-z][a-zA-Z0-9]*([.-][a-zA-Z0-9*]+)*[.-]?");
    private static final Pattern KEYS = Pattern.compile("(Shortcut|Shift|Ctrl|Alt|Meta)(\\+[A-Za-z0-9]+)*\\+?");
    private static final Pattern FORMAT = Pattern.compile("%[-+ 0#,(]*\\d*(\\.\\d+)?[a-zA-Z%]");

    /** Whether a literal reads as text a user would see. */
    static boolean isText(String s) {
        String t = FORMAT.matcher(s).replaceAll(" ").trim();
        if (t.isEmpty() || KEY_OR_ID.matcher(t).matches() || KEYS.matcher(t).matches() || KEY_NAMES.contains(t)) {
            return false;
        }
        if (s.contains("\\\\") || s.contains("-fx-") || s.startsWith("/org/") || s.matches("[\\w*.-]+\\.(png|json|css|properties|csv)")) {
            return false; // LaTeX, CSS, a resource path or a file name
        }
        return WORDS.matcher(t).find();
    }

    static Set<String> uiPackages() throws IOException {
        try (Stream<Path> s = Files.list(SourceScan.UI)) {
            Set<String> out = new TreeSet<>();
            s.filter(Files::isDirectory).forEach(d -> out.add(d.getFileName().toString()));
            return out;
        }
    }

    static List<SourceScan.Literal> textLiterals(String pkg) {
        List<SourceScan.Literal> out = new ArrayList<>();
        for (Path f : SourceScan.javaFiles(SourceScan.UI.resolve(pkg))) {
            for (SourceScan.Literal l : SourceScan.literals(f)) {
                if (isText(l.text()) && !ALLOWED.contains(l.text()) && !GLOSSARY_IDS.contains(l.text())) {
                    out.add(l);
                }
            }
        }
        return out;
    }

    @Test
    void convertedPackagesHaveNoTextLiterals() throws IOException {
        List<String> found = new ArrayList<>();
        for (String pkg : uiPackages()) {
            if (!NOT_CONVERTED.contains(pkg) && !NOT_UI.contains(pkg)) {
                textLiterals(pkg).forEach(l -> found.add(l.toString()));
            }
        }
        assertEquals(List.of(), found, "user-visible text outside the bundles (put it in messages.properties and "
                + "messages_ja.properties, see src/site/markdown/i18n.md):\n" + String.join("\n", found));
    }

    @Test
    void theListOfPackagesNotConvertedOnlyShrinks() throws IOException {
        Set<String> packages = uiPackages();
        for (String pkg : NOT_CONVERTED) {
            assertTrue(packages.contains(pkg), pkg + " no longer exists: remove it from NOT_CONVERTED");
            assertFalse(textLiterals(pkg).isEmpty(), pkg + " has no text literal left: remove it from NOT_CONVERTED");
        }
    }

    @Test
    void theRuleTellsTextFromIdsKeysAndFormats() {
        for (String text : List.of("Run", "New seed", "Could not save ", "What to notice: ", "loading...", " samples of seed ")) {
            assertTrue(isText(text), text);
        }
        for (String code : List.of("data.seed", "nav-", "#notice-button", "section-title", "Shortcut+R", "%+.2f, %+.2f", "*.json",
                "\\\\text{NFE} = \\\\text{steps}", "-fx-font-family: monospace;", "experiment.json", "K", "p_K", "")) {
            assertFalse(isText(code), code);
        }
    }
}
