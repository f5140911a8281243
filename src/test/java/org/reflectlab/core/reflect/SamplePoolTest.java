package org.reflectlab.core.reflect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.Category;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.nn.detector.SceneReader;
import org.reflectlab.core.nn.generator.Generator;
import org.reflectlab.core.nn.generator.LatentCodec;
import org.reflectlab.core.nn.unified.UnifiedModel;

class SamplePoolTest {

    private static UnifiedModel unified;
    private static Generator generator;

    @BeforeAll
    static void models() {
        Backend.start(1);
        unified = TinyModels.unified();
        generator = TinyModels.generator(unified);
    }

    @Test
    void noEvaluationPromptOrSeedEntersThePool() {
        PromptSet eval = PromptSet.generate(1, 50);
        Set<String> excluded = eval.prompts().stream().map(PromptSet.Prompt::text).collect(Collectors.toSet());
        SamplePool.Settings s = new SamplePool.Settings(400, 8, 2, 2.0, 7, SamplePool.Settings.DEFAULT_WEIGHTS);
        Map<Caption, Category> cats = new HashMap<>();
        List<Caption> prompts = SamplePool.drawPrompts(s, excluded, cats);
        assertEquals(400, prompts.size());
        assertEquals(400, prompts.stream().map(Caption::text).distinct().count(), "no prompt twice");
        // Evaluation prompts are drawn from the same grammar, so a leak would be likely if nothing excluded them.
        List<Caption> unfiltered = SamplePool.drawPrompts(s, Set.of(), new HashMap<>());
        assertTrue(unfiltered.stream().anyMatch(c -> excluded.contains(c.text())), "the check can fail");
        assertTrue(prompts.stream().noneMatch(c -> excluded.contains(c.text())));
        // The noise an evaluation draws (K up to 20 per prompt, seeds 1..3) never reappears in the pool.
        Set<Long> evalNoise = new HashSet<>();
        for (long seed = 1; seed <= 3; seed++) {
            for (int i = 0; i < eval.prompts().size(); i++) {
                for (int k = 1; k <= 20; k++) {
                    evalNoise.add(ShapesWorld.random(PromptSet.entrySeed(seed, i), k).nextLong());
                }
            }
        }
        for (int p = 0; p < prompts.size(); p++) {
            for (int j = 0; j < s.seedsPerPrompt(); j++) {
                assertFalse(evalNoise.contains(SamplePool.noiseSeed(s.seed(), p, j)));
            }
        }
        // Weak categories are oversampled.
        long position = cats.values().stream().filter(c -> c == Category.POSITION).count();
        long single = cats.values().stream().filter(c -> c == Category.SINGLE_OBJECT).count();
        assertTrue(position > single, position + " position vs " + single + " single-object prompts");
    }

    @Test
    void buildsLabelsAndSurvivesWriteAndRead(@TempDir Path dir) throws Exception {
        // The stand-in critic sees circles, which no pool prompt of these seeds asks for alone.
        SceneReader critic = TinyModels.wrongFirst(5, new AtomicInteger());
        SamplePool.Settings s = new SamplePool.Settings(3, 4, 2, 2.0, 7, SamplePool.Settings.DEFAULT_WEIGHTS);
        AtomicInteger progress = new AtomicInteger();
        SamplePool pool = SamplePool.build(generator, new LatentCodec(unified, generator.params()), critic, s, Set.of(),
                progress::set, () -> false);
        assertEquals(3, pool.entries().size());
        assertEquals(3, progress.get());
        assertEquals(12, pool.counts().values().stream().mapToInt(Integer::intValue).sum());
        SamplePool.PoolSample first = pool.entries().get(0).samples().get(0);
        assertEquals(16, first.latent().length);
        assertNotEquals(List.of(Feedback.CORRECT), first.feedback());
        Path file = dir.resolve("pool.tsv");
        pool.write(file);
        SamplePool back = SamplePool.read(file);
        assertEquals(pool.counts(), back.counts());
        assertEquals(pool.entries().get(1).prompt().text(), back.entries().get(1).prompt().text());
        assertEquals(first.feedback(), back.entries().get(0).samples().get(0).feedback());
        assertEquals(first.latent()[3], back.entries().get(0).samples().get(0).latent()[3]);
        assertEquals(first.noiseSeed(), back.entries().get(0).samples().get(0).noiseSeed());
    }

    @Test
    void correctMeansTheCriticAcceptsAndThePixelReaderAgrees() {
        Caption prompt = org.reflectlab.core.data.CaptionParser.parse("a red circle left of a blue square").caption();
        org.reflectlab.core.data.Scene scene = org.reflectlab.core.data.SceneSampler.realize(prompt, new SplittableRandom(3)).orElseThrow();
        org.reflectlab.core.data.RgbImage crisp = org.reflectlab.core.data.SceneRenderer.render(scene, 32);
        List<org.reflectlab.core.data.SceneObject> seen = scene.objects();
        assertEquals(SamplePool.Verdict.CORRECT, SamplePool.verdict(Feedback.sentences(prompt, seen), seen, crisp));
        assertEquals(SamplePool.Verdict.UNCONFIRMED, SamplePool.verdict(Feedback.sentences(prompt, seen), seen,
                new org.reflectlab.core.data.RgbImage(32, 32)), "a blank image does not confirm what the critic claims");
        List<org.reflectlab.core.data.SceneObject> wrong = List.of(seen.get(0));
        assertEquals(SamplePool.Verdict.WRONG, SamplePool.verdict(Feedback.sentences(prompt, wrong), wrong, crisp));
    }

    @Test
    void poolPromptsReadBackAndTestEachCategorysSkill() {
        SplittableRandom r = new SplittableRandom(5);
        for (Category c : Category.GENEVAL) {
            for (int i = 0; i < 30; i++) {
                Caption p = SamplePool.variant(c, r);
                var back = org.reflectlab.core.data.CaptionParser.parse(p.text());
                assertTrue(back.ok(), p.text());
                assertEquals(p.text(), back.caption().text());
                assertTrue(org.reflectlab.core.data.SceneSampler.realize(p, r).isPresent(), p.text());
            }
        }
        assertTrue(SamplePool.variant(Category.POSITION, r).relation() != null);
        assertTrue(SamplePool.variant(Category.COUNTING, r).clauses().get(0).count() > 1);
    }

    @Test
    void unreadablePoolLinesAreNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.tsv");
        java.nio.file.Files.writeString(file, "a red circle\tsingle_object\t1\tWRONG\tx\t1,2\n");
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> SamplePool.read(file));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    // Reflection examples //

    private static SamplePool.PoolSample sample(long seed, SamplePool.Verdict v, String... feedback) {
        float[] z = new float[16];
        z[0] = seed;
        float[] ctx = new float[16];
        ctx[0] = -seed;
        return new SamplePool.PoolSample(seed, z, ctx, List.of(feedback), v);
    }

    @Test
    void contextPrefersDifferentFeedback() {
        List<SamplePool.PoolSample> wrong = List.of(sample(1, SamplePool.Verdict.WRONG, "a"), sample(2, SamplePool.Verdict.WRONG, "a"),
                sample(3, SamplePool.Verdict.WRONG, "b"), sample(4, SamplePool.Verdict.WRONG, "a"));
        for (int i = 0; i < 50; i++) {
            List<SamplePool.PoolSample> two = PoolExamples.chooseContext(wrong, 2, new SplittableRandom(i));
            assertEquals(2, two.size());
            assertNotEquals(two.get(0).feedback(), two.get(1).feedback(), "two different complaints are available");
            assertEquals(2, new HashSet<>(two).size());
        }
        assertEquals(4, PoolExamples.chooseContext(wrong, 4, new SplittableRandom(1)).size(), "then the rest");
    }

    @Test
    void theTargetIsAnIndependentCorrectSampleNeverAContextImage() {
        Caption prompt = org.reflectlab.core.data.CaptionParser.parse("a red circle").caption();
        List<SamplePool.PoolSample> samples = List.of(sample(1, SamplePool.Verdict.WRONG, "x"), sample(2, SamplePool.Verdict.WRONG, "y"),
                sample(3, SamplePool.Verdict.CORRECT, "correct"), sample(4, SamplePool.Verdict.CORRECT, "correct"),
                sample(5, SamplePool.Verdict.UNCONFIRMED, "correct"));
        SamplePool pool = new SamplePool(List.of(new SamplePool.Entry(prompt, Category.SINGLE_OBJECT, new java.util.ArrayList<>(samples))));
        LatentCodec codec = new LatentCodec(unified, generator.params());
        PoolExamples ex = new PoolExamples(pool, codec, 0.3, 0.1);
        int withContext = 0;
        int dropped = 0;
        for (int b = 0; b < 20; b++) {
            GeneratorTraining.Examples e = ex.batch(b, 3, 16);
            for (int i = 0; i < 16; i++) {
                float target = e.targets().getFloat(i, 0);
                assertTrue(target == 3f || target == 4f, "targets are the correct samples only, not " + target);
                Generator.Condition c = e.conditions().get(i);
                dropped += c.unconditional() ? 1 : 0;
                for (Generator.ContextPair p : c.context()) {
                    float id = -p.latent().getFloat(0);
                    assertTrue(id == 1f || id == 2f, "context comes from wrong samples only (as re-encoded), not " + id);
                    assertNotEquals(target, id);
                }
                withContext += c.context().isEmpty() ? 0 : 1;
            }
        }
        assertTrue(withContext > 150 && withContext < 260, withContext + " of 320 examples with context (about 0.9 x 0.7)");
        assertTrue(dropped > 10 && dropped < 60, dropped + " of 320 without the prompt (about 10%)");
        PoolExamples sft = new PoolExamples(pool, codec, 1.0, 0.1);
        assertTrue(sft.batch(0, 3, 64).conditions().stream().allMatch(c -> c.context().isEmpty()), "the SFT control never sees context");
    }

    @Test
    void theNearestTargetIsTheCorrectSampleClosestToTheLastContextImage() {
        Caption prompt = org.reflectlab.core.data.CaptionParser.parse("a red circle").caption();
        // wrong sample 10 lies next to correct 11, wrong 20 next to correct 21 (latent[0] = seed)
        List<SamplePool.PoolSample> samples = List.of(sample(10, SamplePool.Verdict.WRONG, "x"), sample(20, SamplePool.Verdict.WRONG, "y"),
                sample(11, SamplePool.Verdict.CORRECT, "correct"), sample(21, SamplePool.Verdict.CORRECT, "correct"));
        SamplePool pool = new SamplePool(List.of(new SamplePool.Entry(prompt, Category.SINGLE_OBJECT, new java.util.ArrayList<>(samples))));
        LatentCodec codec = new LatentCodec(unified, generator.params());
        PoolExamples nearest = new PoolExamples(pool, codec, 0.0, 0.0, PoolExamples.Target.NEAREST);
        java.util.Set<Float> targets = new HashSet<>();
        for (int b = 0; b < 10; b++) {
            GeneratorTraining.Examples e = nearest.batch(b, 5, 16);
            for (int i = 0; i < 16; i++) {
                List<Generator.ContextPair> ctx = e.conditions().get(i).context();
                float last = -ctx.get(ctx.size() - 1).latent().getFloat(0);
                float target = e.targets().getFloat(i, 0);
                assertEquals(last + 1, target, "the repair of wrong sample " + last);
                targets.add(target);
            }
        }
        assertEquals(java.util.Set.of(11f, 21f), targets, "both repairs occur, so the target follows the context");
        java.util.Set<String> pairs = new HashSet<>();
        GeneratorTraining.Examples random = new PoolExamples(pool, codec, 0.0, 0.0).batch(0, 5, 64);
        for (int i = 0; i < 64; i++) {
            List<Generator.ContextPair> ctx = random.conditions().get(i).context();
            pairs.add(-ctx.get(ctx.size() - 1).latent().getFloat(0) + "->" + random.targets().getFloat(i, 0));
        }
        assertTrue(pairs.contains("10.0->21.0") || pairs.contains("20.0->11.0"), "a random target ignores the context: " + pairs);
    }

    @Test
    void aPromptWithNoCorrectSampleIsAnsweredByATrueRender() {
        Caption prompt = org.reflectlab.core.data.CaptionParser.parse("two blue squares").caption();
        SamplePool pool = new SamplePool(List.of(new SamplePool.Entry(prompt, Category.COUNTING,
                new java.util.ArrayList<>(List.of(sample(9, SamplePool.Verdict.WRONG, "x"))))));
        GeneratorTraining.Examples e = new PoolExamples(pool, new LatentCodec(unified, generator.params()), 0.0, 0.0).batch(0, 1, 4);
        for (int i = 0; i < 4; i++) {
            assertNotEquals(9f, e.targets().getFloat(i, 0));
            assertEquals(1, e.conditions().get(i).context().size());
        }
    }
}
