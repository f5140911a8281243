package org.reflectlab.core.reflect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.CaptionParser;
import org.reflectlab.core.nn.generator.Generator;
import org.reflectlab.core.nn.unified.UnifiedModel;

class ReflectorTest {

    private static final Caption PROMPT = CaptionParser.parse("a red circle").caption();

    private static UnifiedModel unified;
    private static Generator generator;

    @BeforeAll
    static void models() {
        Backend.start(1);
        unified = TinyModels.unified();
        generator = TinyModels.generator(unified);
    }

    @Test
    void stopsEarlyWhenTheCriticSaysCorrect() {
        AtomicInteger calls = new AtomicInteger();
        Reflector r = TinyModels.reflector(unified, generator, TinyModels.wrongFirst(3, calls),
                TinyModels.wrongFirst(100, new AtomicInteger()));
        List<Integer> seen = new ArrayList<>();
        ReflectionRun run = r.reflect(PROMPT, new ReflectSettings(10, 7, 2, 2, true), it -> seen.add(it.k()), () -> false);
        assertEquals(4, run.iterations().size());
        assertTrue(run.stoppedEarly());
        assertEquals(List.of(1, 2, 3, 4), seen, "each iteration is delivered as soon as it is done");
        assertEquals(List.of("the circle should be red but it is blue"), run.iterations().get(0).feedback());
        assertTrue(run.last().criticSaysCorrect());
        assertTrue(!run.last().judgeCorrect(), "the judge's reading is its own");
    }

    @Test
    void neverKeepsMoreThanTheContextSizeAndCountsCompute() {
        Reflector r = TinyModels.reflector(unified, generator, TinyModels.wrongFirst(100, new AtomicInteger()),
                TinyModels.wrongFirst(100, new AtomicInteger()));
        int steps = 3;
        ReflectSettings settings = new ReflectSettings(6, 7, steps, 2, true);
        ReflectionRun run = r.reflect(PROMPT, settings, it -> { }, () -> false);
        assertEquals(6, run.iterations().size());
        assertEquals(List.of(), run.iterations().get(0).contextFrom());
        assertEquals(List.of(1), run.iterations().get(1).contextFrom());
        assertEquals(List.of(1, 2), run.iterations().get(2).contextFrom());
        assertEquals(List.of(4, 5), run.iterations().get(5).contextFrom());
        Compute c = r.compute();
        double perIteration = settings.samplingNfe() + c.decode() + c.criticCall();
        assertEquals(2 * steps, settings.samplingNfe(), 1e-9, "guided sampling evaluates the network twice a step");
        assertEquals(6 * perIteration + 5 * c.encode(), run.nfe(), 1e-9);
        assertEquals(perIteration, run.iterations().get(0).nfe(), 1e-9);
    }

    @Test
    void cancellationStopsBetweenIterations() {
        Reflector r = TinyModels.reflector(unified, generator, TinyModels.wrongFirst(100, new AtomicInteger()),
                TinyModels.wrongFirst(100, new AtomicInteger()));
        AtomicInteger done = new AtomicInteger();
        ReflectionRun run = r.reflect(PROMPT, new ReflectSettings(10, 7, 2, 3, true), it -> done.incrementAndGet(),
                () -> done.get() >= 2);
        assertEquals(2, run.iterations().size());
        assertTrue(run.cancelled());
    }

    @Test
    void bestOfNLetsTheCriticPick() {
        AtomicInteger calls = new AtomicInteger();
        Reflector r = TinyModels.reflector(unified, generator, TinyModels.wrongFirst(2, calls),
                TinyModels.wrongFirst(100, new AtomicInteger()));
        Reflector.BestOfN bon = r.bestOfN(PROMPT, 4, 3, 2, () -> false);
        assertEquals(4, bon.candidates().size());
        assertEquals(2, bon.chosen(), "the first candidate the critic finds correct");
        assertTrue(bon.candidates().get(0).contextFrom().isEmpty());
    }

    @Test
    void sameSeedSameImages() {
        Reflector r = TinyModels.reflector(unified, generator, TinyModels.wrongFirst(100, new AtomicInteger()),
                TinyModels.wrongFirst(100, new AtomicInteger()));
        var a = r.reflect(PROMPT, new ReflectSettings(2, 11, 2, 1, true), it -> { }, () -> false);
        var b = r.reflect(PROMPT, new ReflectSettings(2, 11, 2, 1, true), it -> { }, () -> false);
        assertEquals(a.last().image(), b.last().image());
    }
}
