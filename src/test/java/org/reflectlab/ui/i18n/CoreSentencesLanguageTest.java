package org.reflectlab.ui.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.backend.BackendInfo;
import org.reflectlab.core.concepts.Quiz;
import org.reflectlab.core.data.Category;
import org.reflectlab.core.scaling.Answers;
import org.reflectlab.core.scaling.Method;
import org.reflectlab.core.scaling.ScalingAnalysis;
import org.reflectlab.core.scaling.SweepRow;
import org.reflectlab.core.scaling.SweepSession;
import org.reflectlab.core.text.Phrase;
import org.reflectlab.ui.kit.I18n;

/**
 * core's sentences (no toolkit): the fits' answers, a sweep's progress and summary, the quiz's working and the backend line
 * are said in Japanese after a switch, with no English sentence left in them, and in English again after switching back.
 */
class CoreSentencesLanguageTest {

    /** An English word of four letters or more; the names the lecture keeps in English are allowed. */
    private static final Pattern ENGLISH_WORD = Pattern.compile("[A-Za-z]{4,}");
    private static final List<String> KEPT = List.of("Best", "Reflect", "Levenberg", "Marquardt", "Recall", "reflectlab", "sweep",
            "quick", "native", "OpenBLAS");

    @AfterEach
    void english() {
        I18n.setLocale(I18n.ENGLISH);
    }

    private static List<String> englishWords(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = ENGLISH_WORD.matcher(text);
        while (m.find()) {
            if (!KEPT.contains(m.group())) {
                out.add(m.group());
            }
        }
        return out;
    }

    /** Rows whose scores follow Q = 0.9 - 0.4 / K^0.7 (as ScalingAnalysisTest builds them). */
    private static List<SweepRow> rows(int... ks) {
        List<SweepRow> rows = new ArrayList<>();
        for (int k : ks) {
            int correct = (int) Math.round((0.9 - 0.4 / Math.pow(k, 0.7)) * 100);
            for (Category c : Category.GENEVAL) {
                for (int i = 0; i < 100; i++) {
                    rows.add(new SweepRow(c + "-" + i, c, "p", Method.BEST_OF_N, k, 1, 10.0 * k, i < correct ? 1 : 0, false, k, 100L * k));
                }
            }
        }
        return rows;
    }

    private static List<Phrase> sentences() {
        List<Phrase> out = new ArrayList<>();
        for (Answers.Answer a : Answers.of(ScalingAnalysis.of(rows(1, 2, 4, 8, 16), 1).curve(Method.BEST_OF_N), 0.01, 1)) {
            out.add(a.question());
            out.add(a.answer());
        }
        Answers.of(ScalingAnalysis.of(rows(1, 2), 1).curve(Method.BEST_OF_N), 0.01, 1).forEach(a -> out.add(a.answer())); // no fit
        out.add(new SweepSession.Progress(120, 1380, 40, 65, Phrase.none()).summary());
        out.add(SweepSession.duration(3725));
        Quiz.doubling(null).working().forEach(out::add);
        out.add(Quiz.doubling(null).question());
        out.add(new BackendInfo("ND4J native", "OpenBLAS", "x", List.of(), 1, 2, 0, 0, Map.of(), 0).said());
        return out;
    }

    @Test
    void coresSentencesFollowTheLanguageAndComeBack() {
        List<String> english = sentences().stream().map(p -> I18n.Message.of(p).text()).toList();
        I18n.setLocale(I18n.JAPANESE);
        List<String> japanese = sentences().stream().map(p -> I18n.Message.of(p).text()).toList();
        for (int i = 0; i < english.size(); i++) {
            assertNotEquals(english.get(i), japanese.get(i));
            assertEquals(List.of(), englishWords(japanese.get(i)), japanese.get(i));
        }
        I18n.setLocale(I18n.ENGLISH);
        assertEquals(english, sentences().stream().map(p -> I18n.Message.of(p).text()).toList());
    }

    @Test
    void theCliKeepsItsEnglish() {
        Phrase progress = new SweepSession.Progress(1200, 13800, 40, 65, Phrase.none()).summary();
        I18n.setLocale(I18n.JAPANESE); // the app's language does not reach the CLI's words
        assertEquals("1,200 of at most 13,800 images, ETA 11m 23s, early stop saved 40", progress.english());
        assertEquals("1h 02m", SweepSession.duration(3725).english());
        assertTrue(progress.toString().startsWith("1,200 of at most"));
    }
}
