package org.reflectlab.core.reflect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.CaptionParser;
import org.reflectlab.core.nn.generator.Generator;
import org.reflectlab.core.nn.unified.UnifiedModel;

/** The reflection ablations switch off exactly what they name, and only that. */
class AblationTest {

    private static final Caption PROMPT = CaptionParser.parse("a red circle").caption();
    private static UnifiedModel unified;
    private static Generator generator;

    @BeforeAll
    static void models() {
        Backend.start(1);
        unified = TinyModels.unified();
        generator = TinyModels.generator(unified);
    }

    /** The attention mask of one condition with one context pair, and the feedback tokens' one-hot sum. */
    private static Map<String, INDArray> inputs(Generator.ContextPair pair) {
        Generator.Condition c = new Generator.Condition(PROMPT, List.of(pair));
        return generator.inputs(List.of(c), Nd4j.zeros(1, generator.config().latent()), new double[] {0.5});
    }

    @Test
    void eachAblationMasksWhatItNames() {
        INDArray z = Nd4j.ones(generator.config().latent());
        List<String> fb = List.of("the circle should be red but it is blue");
        List<String> other = List.of("there should be two squares but only one exists");
        Reflector.FeedbackDonor donor = (k, own) -> other;
        int imgStart = 1 + Generator.PROMPT_TOKENS;
        int fbStart = imgStart + generator.config().contextPairs() * generator.config().contextImageTokens();

        INDArray full = inputs(Reflector.contextPair(z, fb, 2, ReflectSettings.Ablation.NONE, donor)).get("mask");
        assertEquals(1.0, full.getDouble(0, imgStart));
        assertEquals(1.0, full.getDouble(0, fbStart));

        INDArray noFb = inputs(Reflector.contextPair(z, fb, 2, ReflectSettings.Ablation.NO_FEEDBACK, donor)).get("mask");
        assertEquals(1.0, noFb.getDouble(0, imgStart), "the image stays");
        assertEquals(0.0, noFb.getDouble(0, fbStart), "no feedback token is read");

        INDArray noImg = inputs(Reflector.contextPair(z, fb, 2, ReflectSettings.Ablation.NO_IMAGES, donor)).get("mask");
        assertEquals(0.0, noImg.getDouble(0, imgStart), "the image is hidden");
        assertEquals(1.0, noImg.getDouble(0, fbStart), "the feedback stays");

        Generator.ContextPair shuffled = Reflector.contextPair(z, fb, 2, ReflectSettings.Ablation.SHUFFLED_FEEDBACK, donor);
        assertEquals(other, shuffled.feedback());
        assertNotEquals(inputs(Reflector.contextPair(z, fb, 2, ReflectSettings.Ablation.NONE, donor)).get("ctx_fb"),
                inputs(shuffled).get("ctx_fb"));
    }

    @Test
    void reflectionUnderAnAblationStillRunsAndShufflingNeedsADonor() {
        Reflector r = TinyModels.reflector(unified, generator, TinyModels.wrongFirst(100, new AtomicInteger()),
                TinyModels.wrongFirst(100, new AtomicInteger()));
        ReflectSettings s = new ReflectSettings(3, 7, 2, 2, true).withAblation(ReflectSettings.Ablation.SHUFFLED_FEEDBACK);
        assertThrows(IllegalArgumentException.class, () -> r.reflect(PROMPT, s, it -> { }, () -> false));
        List<Integer> asked = new ArrayList<>();
        ReflectionRun run = r.reflect(PROMPT, s, it -> { }, () -> false, (k, own) -> {
            asked.add(k);
            return List.of("there should be two squares but only one exists");
        });
        assertEquals(3, run.iterations().size());
        assertEquals(List.of(1, 2), asked, "the donor is asked for each pair that goes into context");
        // Masked feedback and images: the same first image (same noise), and runs complete.
        ReflectionRun plain = r.reflect(PROMPT, new ReflectSettings(3, 7, 2, 2, true), it -> { }, () -> false);
        ReflectionRun masked = r.reflect(PROMPT, new ReflectSettings(3, 7, 2, 2, true).withAblation(ReflectSettings.Ablation.NO_IMAGES),
                it -> { }, () -> false);
        assertEquals(0.0, Reflector.meanAbsDiff(plain.iterations().get(0).image(), masked.iterations().get(0).image()), 1e-6);
        assertTrue(masked.iterations().size() == 3);
    }

    @Test
    void contextKeepsRecentAttemptsWithDifferentFeedbackFirst() {
        List<String> a = List.of("a");
        List<String> b = List.of("b");
        List<String> c = List.of("c");
        assertEquals(List.of(0, 2, 3), Reflector.chooseContext(List.of(c, a, b, a), 3), "the older 'a' gives way to 'c'");
        assertEquals(List.of(2, 3), Reflector.chooseContext(List.of(a, a, a, a), 2), "with one complaint: the most recent");
        assertEquals(List.of(), Reflector.chooseContext(List.of(), 3));
    }

    @Test
    void withoutEarlyStopAnAcceptedImageNeverEntersTheContext() {
        Reflector r = TinyModels.reflector(unified, generator, TinyModels.wrongFirst(2, new AtomicInteger()),
                TinyModels.wrongFirst(100, new AtomicInteger()));
        ReflectionRun run = r.reflect(PROMPT, new ReflectSettings(5, 7, 2, 3, false), it -> { }, () -> false);
        assertEquals(5, run.iterations().size());
        assertTrue(run.iterations().get(2).criticSaysCorrect());
        assertEquals(List.of(1, 2), run.iterations().get(4).contextFrom(), "only the two rejected attempts");
    }

    @Test
    void batchedBestOfNMatchesOneByOneSampling() {
        Reflector r = TinyModels.reflector(unified, generator, TinyModels.wrongFirst(100, new AtomicInteger()),
                TinyModels.wrongFirst(100, new AtomicInteger()));
        Reflector.BestOfN bon = r.bestOfN(PROMPT, 3, 11, 2, 2.0, () -> false);
        ReflectionRun run = r.reflect(PROMPT, new ReflectSettings(1, 11, 2, 2, true), it -> { }, () -> false);
        assertEquals(0.0, Reflector.meanAbsDiff(bon.candidates().get(0).image(), run.iterations().get(0).image()), 1e-4,
                "best-of-N's first sample is reflection's first (common random numbers)");
        assertTrue(Reflector.meanAbsDiff(bon.candidates().get(0).image(), bon.candidates().get(1).image()) > 0);
    }
}
