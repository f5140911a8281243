package org.reflectlab.ui.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.concurrent.Batcher;
import org.reflectlab.core.concurrent.LatestValue;

/** One feed per workspace: whatever its producers hand over runs together, in order, once per pulse. */
class PulseFeedTest {

    /** Pulses by hand: what the feed asked to run at the next pulse waits here until {@link #pulse()}. */
    private static final class Pulses {
        final ConcurrentLinkedQueue<Runnable> due = new ConcurrentLinkedQueue<>();
        int pulses;

        /** Runs what was due when the pulse began (as the FX one-shot timer does). */
        int pulse() {
            pulses++;
            int ran = 0;
            for (int n = due.size(); n > 0; n--) {
                due.poll().run();
                ran++;
            }
            return ran;
        }
    }

    @Test
    void manyProducersMakeOneDrainPerPulseInOrder() throws Exception {
        Pulses p = new Pulses();
        PulseFeed feed = new PulseFeed(p.due::add);
        List<Integer> points = new ArrayList<>();
        String[] latest = {null};
        int[] latestUpdates = {0};
        Batcher<Integer> chart = new Batcher<>(feed, points::addAll);
        LatestValue<String> status = new LatestValue<>(feed, s -> {
            latest[0] = s;
            latestUpdates[0]++;
        });
        int threads = 4;
        int each = 500;
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int base = t * each;
            Thread th = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    chart.add(base + i);
                    status.offer("point " + (base + i));
                }
                done.countDown();
            });
            th.start();
        }
        done.await();
        assertEquals(1, p.due.size(), "2,000 points and 2,000 status lines from 4 threads: one drain waits for the pulse");
        assertEquals(1, p.pulse());
        assertEquals(1, feed.drains());
        assertEquals(threads * each, points.size(), "every point arrives");
        assertEquals(1, latestUpdates[0], "the status line is set once, to the newest");
        assertTrue(latest[0].startsWith("point "));
        for (int t = 0; t < threads; t++) {
            int base = t * each;
            List<Integer> mine = points.stream().filter(x -> x >= base && x < base + each).toList();
            for (int i = 0; i < each; i++) {
                assertEquals(base + i, mine.get(i), "each producer's points in the order it added them");
            }
        }
        assertEquals(0, p.pulse(), "nothing queued: nothing scheduled, no drain");
        assertEquals(1, feed.drains());
    }

    @Test
    void anUpdateQueuedDuringADrainWaitsForTheNextPulse() {
        Pulses p = new Pulses();
        PulseFeed feed = new PulseFeed(p.due::add);
        List<String> ran = new ArrayList<>();
        feed.execute(() -> {
            ran.add("first");
            feed.execute(() -> ran.add("queued by the first"));
        });
        feed.execute(() -> ran.add("second"));
        p.pulse();
        assertEquals(List.of("first", "second"), ran, "one pulse runs what was queued when it began, in order");
        p.pulse();
        assertEquals(List.of("first", "second", "queued by the first"), ran);
        assertEquals(2, feed.drains());
        assertEquals(3, feed.handed());
    }

    @Test
    void aTaskResultRunsAfterTheUpdatesItsWorkHandedOver() {
        Pulses p = new Pulses();
        PulseFeed feed = new PulseFeed(p.due::add);
        List<String> ran = new ArrayList<>();
        AtomicInteger n = new AtomicInteger();
        Batcher<Integer> arrivals = new Batcher<>(feed, b -> ran.add("items " + b));
        for (int i = 0; i < 3; i++) {
            arrivals.add(n.incrementAndGet());
        }
        feed.execute(() -> ran.add("done")); // what the runner queues when the work returns
        p.pulse();
        assertEquals(List.of("items [1, 2, 3]", "done"), ran);
    }

    @Test
    void theTraceNamesAHandOverThatCostMoreThanItsLimitAndOnlyThat() {
        Pulses p = new Pulses();
        PulseFeed feed = new PulseFeed(p.due::add);
        List<String> reported = new ArrayList<>();
        PulseFeed.trace(5, reported::add);
        try {
            feed.execute(PulseFeed.named(() -> "quick", () -> { }));
            feed.execute(PulseFeed.named(() -> "slow", () -> {
                java.lang.management.ThreadMXBean t = java.lang.management.ManagementFactory.getThreadMXBean();
                long end = t.getCurrentThreadCpuTime() + 20_000_000L;
                double x = 0;
                while (t.getCurrentThreadCpuTime() < end) {
                    x += Math.sqrt(x + 1);
                }
                assertTrue(x > 0);
            }));
            p.pulse();
        } finally {
            PulseFeed.trace(-1, s -> { });
        }
        assertEquals(1, reported.size(), reported.toString());
        assertTrue(reported.get(0).endsWith("FX-thread CPU in slow"), reported.get(0));
    }
}
