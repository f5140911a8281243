package org.reflectlab.core.reflect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.CaptionParser;
import org.reflectlab.core.nn.generator.Generator;
import org.reflectlab.core.nn.unified.UnifiedModel;

/** Re-running reflection from an iteration with other feedback, the feedback check and the presets. */
class BeTheCriticTest {

    private static final Caption PROMPT = CaptionParser.parse("a red circle").caption();
    private static UnifiedModel unified;
    private static Generator generator;

    @BeforeAll
    static void models() {
        Backend.start(1);
        unified = TinyModels.unified();
        generator = TinyModels.generator(unified);
    }

    private static Reflector reflector() {
        return TinyModels.reflector(unified, generator, TinyModels.wrongFirst(100, new AtomicInteger()),
                TinyModels.wrongFirst(100, new AtomicInteger()));
    }

    @Test
    void theCriticsOwnWordsReproduceTheRunAndOtherWordsChangeIt() {
        Reflector r = reflector();
        ReflectionRun run = r.reflect(PROMPT, new ReflectSettings(3, 7, 2, 2, true), it -> { }, () -> false);
        Iteration first = run.iterations().get(0);

        ReflectionRun same = r.reflectFrom(run, 1, Reflector.FeedbackEdit.words(first.feedback()), it -> { }, () -> false);
        assertEquals(3, same.iterations().size());
        assertSame(first, same.iterations().get(0), "iterations up to the edited one are kept as they were");
        assertArrayEquals(run.iterations().get(1).image().data(), same.iterations().get(1).image().data(),
                "the same feedback and the same noise give the same image");
        assertEquals(run.iterations().get(1).nfe(), same.iterations().get(1).nfe(), 1e-9, "compute is counted as in the run");

        ReflectionRun other = r.reflectFrom(run, 1, Reflector.FeedbackEdit.words(CriticPresets.wrong(PROMPT)), it -> { }, () -> false);
        assertEquals(List.of(1), other.iterations().get(1).contextFrom());
        assertFalse(java.util.Arrays.equals(run.iterations().get(1).image().data(), other.iterations().get(1).image().data()),
                "other words, another image");
        ReflectionRun masked = r.reflectFrom(run, 1, CriticPresets.edit(CriticPresets.Preset.NONE, PROMPT, first), it -> { }, () -> false);
        assertFalse(java.util.Arrays.equals(run.iterations().get(1).image().data(), masked.iterations().get(1).image().data()),
                "masked feedback, another image");
    }

    @Test
    void anAcceptedLastIterationCanBeGivenFeedbackAndRunsOneMore() {
        AtomicInteger calls = new AtomicInteger();
        Reflector r = TinyModels.reflector(unified, generator, TinyModels.wrongFirst(1, calls), TinyModels.wrongFirst(100, new AtomicInteger()));
        ReflectionRun run = r.reflect(PROMPT, new ReflectSettings(2, 7, 2, 2, true), it -> { }, () -> false);
        assertTrue(run.stoppedEarly() || run.iterations().size() == 2);
        int k = run.iterations().size();
        assertTrue(run.last().criticSaysCorrect());
        ReflectionRun more = r.reflectFrom(run, k, Reflector.FeedbackEdit.words(List.of("the circle should be small but it is large")),
                it -> { }, () -> false);
        assertEquals(k + 1, more.iterations().size(), "at least one iteration after the edited one");
        assertEquals(List.of(k), more.last().contextFrom().subList(more.last().contextFrom().size() - 1, more.last().contextFrom().size()));
        assertThrows(IllegalArgumentException.class, () -> r.reflectFrom(run, k + 1, Reflector.FeedbackEdit.words(List.of()), it -> { },
                () -> false));
    }

    @Test
    void feedbackIsCheckedAgainstTheVocabularyWithSuggestions() {
        FeedbackCheck.Result ok = FeedbackCheck.check("the circle should be red but it is blue; there should be two squares but none exist");
        assertTrue(ok.ok());
        assertEquals(2, ok.sentences().size());
        assertEquals(16, ok.read().size(), "the generator reads 16 tokens");
        assertEquals("<sep>", ok.read().get(9));
        assertEquals(2, ok.cut(), "9 words + separator + 8 words, of which 2 are cut");

        FeedbackCheck.Result typo = FeedbackCheck.check("the circle should be red but it is bleu");
        assertFalse(typo.ok());
        assertEquals("blue", typo.error().suggestion());
        assertEquals("the circle should be red but it is blue", typo.error().applySuggestion("the circle should be red but it is bleu"));
        FeedbackCheck.Result unknown = FeedbackCheck.check("make it prettier");
        assertNull(unknown.error().suggestion());
        assertTrue(unknown.error().message().startsWith("'make' is not a word the generator was trained to read"));
        assertTrue(FeedbackCheck.check("  ").sentences().isEmpty(), "blank is no feedback");
    }

    @Test
    void presetsAreInTheVocabularyAndDifferFromTheCritic() {
        Reflector r = reflector();
        Iteration it = r.reflect(PROMPT, new ReflectSettings(1, 7, 2, 2, true), x -> { }, () -> false).last();
        for (CriticPresets.Preset p : CriticPresets.Preset.values()) {
            Reflector.FeedbackEdit e = CriticPresets.edit(p, PROMPT, it);
            assertTrue(FeedbackCheck.check(String.join("; ", e.words())).ok(), p + ": " + e.words());
        }
        assertEquals(it.feedback(), CriticPresets.edit(CriticPresets.Preset.CRITIC, PROMPT, it).words());
        assertEquals(List.of("the circle should be orange but it is red"), CriticPresets.wrong(PROMPT));
        Reflector.FeedbackEdit other = CriticPresets.edit(CriticPresets.Preset.OTHER_PROMPT, PROMPT, it);
        assertEquals(ReflectSettings.Ablation.SHUFFLED_FEEDBACK, other.ablation());
        assertNotEquals(it.feedback(), other.words());
        assertEquals(other.words(), other.donor().feedback(1, it.feedback()));
    }
}
