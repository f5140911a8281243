package org.reflectlab.ui.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.aphasia.Loss;
import org.reflectlab.core.data.Category;
import org.reflectlab.core.data.Cell;
import org.reflectlab.core.data.Relation;
import org.reflectlab.core.data.SceneObject;
import org.reflectlab.core.data.SceneSampler;
import org.reflectlab.core.data.Shape;
import org.reflectlab.core.data.ShapeColor;
import org.reflectlab.core.data.Size;
import org.reflectlab.core.data.Vocabulary;
import org.reflectlab.core.nn.generator.FeedbackVocabulary;
import org.reflectlab.core.reflect.Complaint;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.ModelWords;

/** The models' English words said in Japanese from their structure; English (and anything unparsed) as it is. No toolkit. */
class ModelWordsTest {

    private static final Locale JA = I18n.JAPANESE;

    @AfterEach
    void english() {
        I18n.setLocale(I18n.ENGLISH);
    }

    @Test
    void sentencesReadAsJapanese() {
        String[][] table = {
                {"a small red circle at top left", "左上の小さい赤い円"},
                {"a red circle left of a blue square", "青い正方形の左に赤い円"},
                {"a yellow triangle above a green square", "緑の正方形の上に黄色い三角形"},
                {"two purple diamonds and an orange circle", "2つの紫のひし形とオレンジ色の円"},
                {"three squares", "3つの正方形"},
        };
        for (String[] row : table) {
            assertEquals(row[1], ModelWords.caption(row[0]).render(JA), row[0]);
        }
        String[][] feedback = {
                {"correct", "正しい"},
                {"the circle should be red but it is blue", "円は赤のはずなのに、青になっている"},
                {"there should be two squares but only one exists", "正方形が2つあるはずなのに、1つしかない"},
                {"there should be three red circles but none exist", "赤い円が3つあるはずなのに、1つもない"},
                {"there should be two circles but four exist", "円が2つあるはずなのに、4つある"},
                {"there should be an orange diamond but none exists", "オレンジ色のひし形があるはずなのに、見当たらない"},
                {"the square should be left of the triangle but it is right of it", "正方形は三角形の左にあるはずなのに、右にある"},
                {"the circle should be above the square but they are in the same row", "円は正方形の上にあるはずなのに、同じ行にある"},
                {"the circle should be small but it is large", "円は小さいはずなのに、大きい"},
                {"the triangle should be at top left but it is at center", "三角形は左上にあるはずなのに、中央にある"},
                {"there should be three objects but two exist", "物体が3個あるはずなのに、2個ある"},
                {"the image does not match the prompt", "画像がプロンプトと合っていない"},
        };
        for (String[] row : feedback) {
            assertEquals(row[1], ModelWords.feedback(List.of(row[0])).render(JA), row[0]);
        }
        assertEquals("円は赤のはずなのに、青になっている。正方形が2つあるはずなのに、1つしかない", ModelWords.feedback(
                List.of("the circle should be red but it is blue", "there should be two squares but only one exists")).render(JA));
        assertEquals("大きい青い正方形の色（今は緑）", ModelWords.losses(List.of("color of the large blue square (now green)")).render(JA));
        assertEquals("小さい赤い円（左上から消えた）", ModelWords.losses(List.of("the small red circle (gone from top left)")).render(JA));
        assertEquals("左上の小さい赤い円、中央の大きい青い正方形", ModelWords.objects(List.of(
                SceneObject.plain(Shape.CIRCLE, ShapeColor.RED, Size.SMALL, new Cell(0, 0)),
                SceneObject.plain(Shape.SQUARE, ShapeColor.BLUE, Size.LARGE, new Cell(1, 1))), true).render(JA));
        assertEquals("小さい赤いかたまりと大きい青い円", ModelWords.reading("small red blob and large blue circle").render(JA));
    }

    @Test
    void englishIsTheModelsOwnWordsAndWhatDoesNotParseStaysEnglish() {
        assertEquals("the circle should be red but it is blue; correct",
                ModelWords.feedback(List.of("the circle should be red but it is blue", "correct")).render(I18n.ENGLISH));
        for (String s : List.of("", "a red circle", "circle circle red", "hello world", "a pink circle")) {
            assertEquals(s, ModelWords.caption(s).render(I18n.ENGLISH));
        }
        assertEquals("circle circle red", ModelWords.caption("circle circle red").render(JA), "no structure: the English as it is");
        assertEquals("the circle looks odd。正しい", ModelWords.feedback(List.of("the circle looks odd", "correct")).render(JA),
                "a learner's own sentence stays English beside a translated one");
        assertEquals("something else", ModelWords.losses(List.of("something else")).render(JA));
    }

    @Test
    void parseErrorsAreSaidFromTheirCodeAndStayWordForWordInEnglish() {
        for (String typed : List.of("a purpel circle", "a red 🔴 circle", "", "a red zzzzzzzz")) {
            org.reflectlab.core.data.ParseError e = org.reflectlab.core.data.CaptionParser.parse(typed).error();
            I18n.setLocale(I18n.ENGLISH);
            assertEquals(e.message(), ModelWords.parseError(e), "English is the parser's own sentence: " + typed);
            I18n.setLocale(JA);
            assertFalse(ModelWords.parseError(e).equals(e.message()), "Japanese: " + ModelWords.parseError(e));
        }
        assertEquals("「purpel」は知らない単語です。「purple」のことですか？",
                ModelWords.parseError(org.reflectlab.core.data.CaptionParser.parse("a purpel circle").error()));
        org.reflectlab.core.data.ParseError feedback = org.reflectlab.core.reflect.FeedbackCheck.check("the circle shuld be red").error();
        I18n.setLocale(I18n.ENGLISH);
        assertEquals(feedback.message(), ModelWords.parseError(feedback));
        I18n.setLocale(JA);
        assertEquals("「shuld」は生成器が読むように学習した単語ではありません。「should」のことですか？", ModelWords.parseError(feedback));
    }

    /**
     * Every word of the generator's and the critic's vocabularies appears in some sentence whose Japanese rendering has no
     * Latin letter left: a new word (a template, a color, a number) without a rendering fails here.
     */
    @Test
    void everyVocabularyWordHasAJapaneseRendering() {
        List<String> english = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 3000; i++) {
            english.add(SceneSampler.randomCaption(Category.values()[i % Category.values().length], r).text());
        }
        List<String> sentences = new ArrayList<>();
        for (Shape s : Shape.values()) {
            for (Shape t : Shape.values()) {
                for (Relation want : Relation.values()) {
                    sentences.add(new Complaint.WrongRelation(s, want, t, null).text());
                    for (Relation actual : Relation.values()) {
                        sentences.add(new Complaint.WrongRelation(s, want, t, actual).text());
                    }
                }
            }
            for (ShapeColor c : ShapeColor.values()) {
                sentences.add(new Complaint.Missing(c, s).text());
                sentences.add(new Complaint.WrongColor(s, c, ShapeColor.values()[(c.ordinal() + 1) % 6]).text());
                for (int n = 2; n <= 9; n++) {
                    for (int f = 0; f <= 9; f++) {
                        if (f != n) {
                            sentences.add(new Complaint.WrongCount(n, c, s, f).text());
                            sentences.add(new Complaint.WrongCount(n, null, s, f).text());
                        }
                    }
                }
            }
            sentences.add(new Complaint.Missing(null, s).text());
            sentences.add(new Complaint.WrongSize(s, Size.SMALL, Size.LARGE).text());
            for (Cell a : Cell.ALL) {
                sentences.add(new Complaint.WrongPlace(s, a, Cell.ALL.get((a.index() + 1) % 9)).text());
            }
        }
        for (int n = 0; n <= 9; n++) {
            sentences.add(new Complaint.ObjectCount(n, 9 - n).text());
        }
        sentences.add(new Complaint.Correct().text());
        sentences.add(new Complaint.Mismatch().text());
        Set<String> covered = new HashSet<>();
        for (String s : english) {
            String ja = ModelWords.caption(s).render(JA);
            assertFalse(ja.matches(".*[A-Za-z].*"), s + " -> " + ja);
            covered.addAll(List.of(s.split(" ")));
        }
        for (String s : sentences) {
            String ja = ModelWords.feedback(List.of(s)).render(JA);
            assertFalse(ja.matches(".*[A-Za-z].*"), s + " -> " + ja);
            covered.addAll(List.of(s.split(" ")));
        }
        Set<String> missing = new TreeSet<>();
        for (String w : Vocabulary.tokens()) {
            if (!w.startsWith("<") && !covered.contains(w)) {
                missing.add(w);
            }
        }
        for (String w : FeedbackVocabulary.tokens()) {
            if (!w.startsWith("<") && !covered.contains(w)) {
                missing.add(w);
            }
        }
        assertTrue(missing.isEmpty(), "vocabulary words with no Japanese rendering: " + missing);
        for (Loss.Kind k : Loss.Kind.values()) {
            SceneObject o = SceneObject.plain(Shape.TRIANGLE, ShapeColor.PURPLE, Size.LARGE, new Cell(2, 2));
            String text = new Loss(k, o, k == Loss.Kind.SHAPE ? "circle" : k == Loss.Kind.SIZE ? "small" : k == Loss.Kind.COLOR ? "orange" : null).text();
            String ja = ModelWords.losses(List.of(text)).render(JA);
            assertFalse(ja.matches(".*[A-Za-z].*"), text + " -> " + ja);
        }
    }
}
