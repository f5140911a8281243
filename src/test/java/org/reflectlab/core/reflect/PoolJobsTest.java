package org.reflectlab.core.reflect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.cluster.JobNode;
import org.reflectlab.core.nn.unified.UnifiedModel;

/** A sample pool built as jobs on two workers holds exactly what one built in a loop holds, in the same order. */
class PoolJobsTest {

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    static Reflector copy() {
        UnifiedModel u = TinyModels.unified();
        return TinyModels.reflector(u, TinyModels.generator(u), TinyModels.wrongFirst(0), TinyModels.wrongFirst(0));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void jobsOnTwoWorkersBuildTheSamePoolAsOneLoop() throws Exception {
        // 40 seeds per prompt: 3 prompts per sampling batch, so 7 prompts are 3 jobs
        SamplePool.Settings s = new SamplePool.Settings(7, 40, 2, 2.0, 5, SamplePool.Settings.DEFAULT_WEIGHTS);
        Reflector r = copy();
        SamplePool expected = SamplePool.build(r.generator(), r.codec(), r.critic(), s, Set.of(), done -> { }, () -> false);
        List<Reflector> copies = List.of(copy(), copy());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger last = new AtomicInteger();
        SamplePool pool;
        try (JobNode node = JobNode.local(2, () -> org.reflectlab.core.scaling.SweepJobs.handler(copies.get(next.getAndIncrement())))) {
            pool = PoolJobs.build(node, "", s, Set.of(), last::set, () -> false);
            assertEquals(3, node.board().nodes().get(0).done());
        }
        assertEquals(7, last.get());
        assertEquals(expected.entries().size(), pool.entries().size());
        for (int i = 0; i < expected.entries().size(); i++) {
            SamplePool.Entry a = expected.entries().get(i);
            SamplePool.Entry b = pool.entries().get(i);
            assertEquals(a.prompt(), b.prompt());
            assertEquals(a.category(), b.category());
            assertEquals(a.samples().size(), b.samples().size());
            for (int j = 0; j < a.samples().size(); j++) {
                SamplePool.PoolSample x = a.samples().get(j);
                SamplePool.PoolSample y = b.samples().get(j);
                assertEquals(x.noiseSeed(), y.noiseSeed());
                assertEquals(x.verdict(), y.verdict());
                assertEquals(x.feedback(), y.feedback());
                assertArrayEquals(x.latent(), y.latent());
                assertArrayEquals(x.contextLatent(), y.contextLatent());
            }
        }
        assertEquals(expected.counts(), pool.counts());
    }
}
