package org.reflectlab.core.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.nn.unified.UnifiedConfig;
import org.reflectlab.core.nn.unified.UnifiedModel;

/**
 * A node on a tiny untrained model (text and image workers only, fast to start): admission decided on
 * the caller's thread before the input is made, the place given back when the input fails, and a
 * lone request not held up by Pekko's 10 ms scheduler tick between its stages.
 */
class AdmissionGateTest {

    private static ServingNode node;
    private static int size;

    @BeforeAll
    static void start() {
        Backend.start(1);
        ServingConfig cfg = ServingConfig.local().withRoles(EnumSet.of(Modality.TEXT, Modality.IMAGE));
        node = ServingNode.start(cfg, () -> new RouteEngine(UnifiedModel.create(UnifiedConfig.tiny(), 1)));
        size = UnifiedConfig.tiny().imageSize();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static Payload image() {
        return new Payload.Image(new RgbImage(size, size));
    }

    private static Reply get(CompletableFuture<Reply> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }

    @Test
    void aLoneRequestIsNotHeldUpByTheSchedulerTick() throws Exception {
        for (int i = 0; i < 20; i++) { // warm-up
            get(node.request(Modality.IMAGE, image(), Modality.IMAGE).toCompletableFuture());
        }
        double[] ms = new double[40];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            assertInstanceOf(Reply.Completed.class, get(node.request(Modality.IMAGE, image(), Modality.IMAGE).toCompletableFuture()));
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        // each of the two stages waited out a 1 ms batch window on Pekko's timers, which tick every 10 ms: no request took
        // under ~20 ms that way (54 ms was the fastest of 200 with the shipped model on a loaded machine); the tiny model
        // computes in well under a millisecond, so the fastest of 40 shows what the windows cost
        assertTrue(ms[0] < 10, "fastest of 40 took " + ms[0] + " ms; median " + ms[20]);
    }

    @Test
    void aRefusalIsDecidedOnTheCallersThreadBeforeTheInputIsMade() throws Exception {
        node.slow("text-1", 300);
        try {
            // the first request teaches the gate that text-1 now takes ~300 ms per job; the second one waits there
            get(node.request(Modality.TEXT, new Payload.Text("a red circle"), Modality.TEXT, Duration.ofSeconds(5)).toCompletableFuture());
            CompletableFuture<Reply> ahead = node.request(Modality.TEXT, new Payload.Text("a blue square"), Modality.TEXT,
                    Duration.ofSeconds(5)).toCompletableFuture();
            AtomicInteger made = new AtomicInteger();
            long shedBefore = node.metrics().totals().shed();
            CompletableFuture<Reply> refused = node.request(Modality.IMAGE, () -> {
                made.incrementAndGet();
                return image();
            }, Modality.TEXT, Duration.ofMillis(200), System.nanoTime()).toCompletableFuture();
            // answered before request() returned: no actor, no mailbox, no other thread in between
            assertTrue(refused.isDone(), "the refusal was not ready when request() returned");
            Reply.Rejected r = assertInstanceOf(Reply.Rejected.class, refused.getNow(null));
            assertTrue(r.shed() && r.reason().contains("refused at once"), r.reason());
            assertEquals(0, made.get(), "the input of a refused request was made");
            assertEquals(shedBefore + 1, node.metrics().totals().shed());
            assertInstanceOf(Reply.Completed.class, get(ahead));
        } finally {
            node.slow("text-1", 0);
        }
    }

    @Test
    void anInputThatFailsAfterAdmissionGivesItsPlaceBack() throws Exception {
        long sent = node.metrics().totals().sent();
        for (int i = 0; i < 100; i++) { // more than a route's bound (64): a place kept each time would refuse the last ones
            assertThrows(IllegalStateException.class, () -> node.request(Modality.IMAGE, () -> {
                throw new IllegalStateException("a PNG that does not decode");
            }, Modality.TEXT, Duration.ofSeconds(5), System.nanoTime()));
        }
        assertEquals(sent, node.metrics().totals().sent(), "a request whose input failed was counted as sent");
        assertFalse(node.board().views().stream().anyMatch(v -> v.inFlight() > 0), node.board().views().toString());
        assertInstanceOf(Reply.Completed.class, get(node.request(Modality.IMAGE, image(), Modality.TEXT).toCompletableFuture()));
    }
}
