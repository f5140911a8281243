package org.reflectlab.core.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.data.DataSpec;
import org.reflectlab.core.data.Sample;
import org.reflectlab.core.data.SceneAudio;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.store.ModelStore;

/** One local node with the shipped model: every route end to end, then crashes, timeouts and back-pressure. */
class ServingNodeTest {

    static final ServingNode.EngineFactory SHIPPED = RouteEngine.shipped(new ModelStore(Path.of("models")), "unified");
    static final ShapesWorld WORLD = new ShapesWorld(DataSpec.defaults(3));

    private static ServingNode node;

    @BeforeAll
    static void start() {
        Backend.start(1);
        node = ServingNode.start(ServingConfig.local(), SHIPPED);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    static Payload input(Modality m, Sample s) {
        return switch (m) {
            case TEXT -> new Payload.Text(s.caption().text());
            case IMAGE -> new Payload.Image(WORLD.render(s.scene()));
            case AUDIO -> new Payload.Audio(SceneAudio.synthesize(s.scene()));
        };
    }

    static Reply get(ServingNode n, Modality in, Payload data, Modality out, Duration timeout) throws Exception {
        return n.request(in, data, out, timeout).toCompletableFuture().get(timeout.toMillis() + 10_000, TimeUnit.MILLISECONDS);
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "not within 10 s: " + what);
            Thread.sleep(10);
        }
    }

    @Test
    void everyRouteRunsEndToEndOnTheShippedModel() throws Exception {
        Sample s = WORLD.sample(5);
        for (Modality in : Modality.values()) {
            for (Modality out : Modality.values()) {
                Reply r = get(node, in, input(in, s), out, Duration.ofSeconds(5));
                Reply.Completed c = assertInstanceOf(Reply.Completed.class, r, r.toString());
                assertEquals(out, c.output().modality(), c.route());
                assertEquals(in.word() + "-1", c.encodedBy());
                assertEquals(out.word() + "-1", c.decodedBy());
                assertTrue(c.encodeNote().contains("learned"), c.encodeNote());
            }
        }
        // the image -> text route really reads the scene: the caption decoder names the first object's shape in most
        // of ten scenes (one scene alone is a coin a model change can flip)
        int named = 0;
        StringBuilder misses = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            Sample scene = WORLD.sample(i);
            Reply.Completed read = (Reply.Completed) get(node, Modality.IMAGE, input(Modality.IMAGE, scene), Modality.TEXT, Duration.ofSeconds(5));
            String caption = ((Payload.Text) read.output()).text();
            if (caption.contains(scene.scene().objects().get(0).shape().word())) {
                named++;
            } else {
                misses.append(caption).append(" vs ").append(scene.caption().text()).append("; ");
            }
        }
        assertTrue(named >= 7, named + " of 10: " + misses);
        assertTrue(node.metrics().routes().get("image->text").count() >= 2);
    }

    @Test
    void textToAudioAnswersWhatOfTheDecodedCaptionParsesAndSaysWhatNot() throws Exception {
        // bench pipeline's 64 cycled inputs: scene descriptions, the captions the unified model learned from
        SceneInputs inputs = new SceneInputs(1);
        long partialBefore = node.metrics().totals().partial();
        Answers a = textToAudio(java.util.stream.IntStream.range(0, SceneInputs.SCENES)
                .mapToObj(i -> (Payload.Text) inputs.input(Modality.TEXT, i)).toList());
        assertEquals(a.partial(), node.metrics().totals().partial() - partialBefore);
        // 0 of 64 on the shipped models (2026-12-07)
        assertTrue(a.nothing() <= 3, a.nothing() + " of 64 descriptions answered nothing");
    }

    @Test
    void shortPromptsStayWithinTheMeasuredRegression() throws Exception {
        // the same scenes' short prompts ("two triangles"): the unified model decodes such a text latent to one average
        // picture, which its caption decoder often cannot read. 44 of 64 answered nothing on the models shipped on
        // 2026-12-07 (3 on the ones before): a regression of short-prompt text routes, reported in serving.md; the bound
        // keeps it from growing unnoticed, and the partial answers say what of a caption was not understood
        Answers a = textToAudio(new ShapesWorld(DataSpec.defaults(1)).samples(0, SceneInputs.SCENES).stream().map(s -> new Payload.Text(s.caption().text())).toList());
        assertTrue(a.partial() > 0, "no caption was answered in part");
        assertTrue(a.nothing() <= 46, a.nothing() + " of 64 short prompts answered nothing");
    }

    private record Answers(int partial, int nothing) {
    }

    private Answers textToAudio(List<Payload.Text> texts) throws Exception {
        int partial = 0;
        int nothing = 0;
        for (Payload.Text t : texts) {
            Reply r = get(node, Modality.TEXT, t, Modality.AUDIO, Duration.ofSeconds(30));
            if (r instanceof Reply.Failed f) {
                // only when not even the first words of the decoded caption parse
                assertTrue(f.reason().contains("of which nothing parses"), f.reason());
                nothing++;
                continue;
            }
            Reply.Completed c = assertInstanceOf(Reply.Completed.class, r, r.toString());
            assertInstanceOf(Payload.Audio.class, c.output());
            if (c.notUnderstood() != null) {
                partial++;
                assertTrue(c.decodeNote().contains("not understood: '" + c.notUnderstood() + "'"), c.decodeNote());
            }
        }
        return new Answers(partial, nothing);
    }

    @Test
    void badInputIsAnsweredNotCrashed() throws Exception {
        Reply r = get(node, Modality.TEXT, new Payload.Text("a red flurble"), Modality.IMAGE, Duration.ofSeconds(5));
        assertTrue(assertInstanceOf(Reply.Failed.class, r).reason().contains("does not parse"), r.toString());
        Reply wrong = get(node, Modality.IMAGE, new Payload.Text("a red circle"), Modality.TEXT, Duration.ofSeconds(5));
        assertInstanceOf(Reply.Rejected.class, wrong);
    }

    @Test
    void aCrashedWorkerIsRestartedAndTheNextRequestSucceeds() throws Exception {
        int before = node.board().totalRestarts();
        node.crash("image-1");
        await(() -> node.board().totalRestarts() == before + 1, "a restart");
        Reply r = get(node, Modality.TEXT, input(Modality.TEXT, WORLD.sample(9)), Modality.IMAGE, Duration.ofSeconds(5));
        assertInstanceOf(Reply.Completed.class, r, r.toString());
    }

    @Test
    void aTimedOutRequestIsReportedAndCancelledAtItsWorker() throws Exception {
        long cancelledBefore = node.board().totalCancelled();
        node.slow("audio-1", 3_000);
        try {
            long t0 = System.nanoTime();
            Reply r = get(node, Modality.AUDIO, input(Modality.AUDIO, WORLD.sample(2)), Modality.TEXT, Duration.ofMillis(300));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(assertInstanceOf(Reply.TimedOut.class, r, r.toString()).where().contains("cancelled"));
            assertTrue(ms < 1_500, "answered after " + ms + " ms");
            // the slowed worker gave up on the job instead of running it after its deadline
            await(() -> node.board().totalCancelled() == cancelledBefore + 1, "the job cancelled at the worker");
        } finally {
            node.slow("audio-1", 0);
        }
        Reply after = get(node, Modality.AUDIO, input(Modality.AUDIO, WORLD.sample(2)), Modality.TEXT, Duration.ofSeconds(5));
        assertInstanceOf(Reply.Completed.class, after, after.toString());
    }

    @Test
    void fullQueuesRejectAtOnceAndTheIntensityLimitDegrades() throws Exception {
        ServingConfig cfg = ServingConfig.local().withRoles(Set.of(Modality.TEXT, Modality.IMAGE)).withQueueCapacity(2)
                .withRestarts(new ServingConfig.Restarts(Duration.ofMillis(10), Duration.ofMillis(50), 2, Duration.ofSeconds(30)));
        try (ServingNode small = ServingNode.start(cfg, SHIPPED)) {
            small.slow("text-1", 800);
            List<CompletableFuture<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                replies.add(small.request(Modality.TEXT, input(Modality.TEXT, WORLD.sample(i)), Modality.IMAGE).toCompletableFuture());
            }
            // the three beyond the capacity are rejected while the first two still run
            Reply third = replies.get(2).get(300, TimeUnit.MILLISECONDS);
            assertTrue(assertInstanceOf(Reply.Rejected.class, third).reason().contains("queue is full"), third.toString());
            assertTrue(replies.get(4).get(300, TimeUnit.MILLISECONDS) instanceof Reply.Rejected);
            assertInstanceOf(Reply.Completed.class, replies.get(0).get(5, TimeUnit.SECONDS));
            assertInstanceOf(Reply.Completed.class, replies.get(1).get(5, TimeUnit.SECONDS));
            small.slow("text-1", 0);

            // three crashes in a row exceed 2 restarts: the image worker is given up on, visibly
            for (int i = 0; i < 3; i++) {
                small.crash("image-1");
            }
            await(() -> small.board().state("image-1") == WorkerBoard.State.DEGRADED, "degraded");
            assertEquals(2, small.board().totalRestarts());
            await(() -> small.reachableWorkers().getOrDefault(Modality.IMAGE, 0) == 0, "the receptionist drops it");
            Reply none = get(small, Modality.TEXT, input(Modality.TEXT, WORLD.sample(1)), Modality.IMAGE, Duration.ofSeconds(5));
            assertTrue(assertInstanceOf(Reply.Rejected.class, none).reason().contains("degraded"), none.toString());
            // the other routes keep serving
            assertInstanceOf(Reply.Completed.class, get(small, Modality.TEXT, input(Modality.TEXT, WORLD.sample(1)), Modality.TEXT,
                    Duration.ofSeconds(5)));
            small.restore(Modality.IMAGE);
            await(() -> small.reachableWorkers().getOrDefault(Modality.IMAGE, 0) == 1, "restored");
            assertInstanceOf(Reply.Completed.class, get(small, Modality.TEXT, input(Modality.TEXT, WORLD.sample(1)), Modality.IMAGE,
                    Duration.ofSeconds(5)));
            assertEquals(0, small.metrics().totals().lost());
        }
    }

    @Test
    void aRequestThatWaitedOutItsDeadlineBeforeAdmissionIsRefusedAndNeverRuns() throws Exception {
        long processed = node.board().views().stream().mapToLong(WorkerBoard.View::processed).sum();
        // it arrived (e.g. at the HTTP layer) 700 ms ago: a 500 ms deadline is over before the router sees it
        Reply r = node.request(Modality.TEXT, input(Modality.TEXT, WORLD.sample(3)), Modality.IMAGE, Duration.ofMillis(500),
                System.nanoTime() - 700_000_000L).toCompletableFuture().get(10, TimeUnit.SECONDS);
        Reply.Rejected refused = assertInstanceOf(Reply.Rejected.class, r, r.toString());
        assertTrue(refused.shed() && refused.reason().contains("waited"), refused.toString());
        assertEquals(processed, node.board().views().stream().mapToLong(WorkerBoard.View::processed).sum(), "it reached a worker");
        // time waited counts, but what is left still runs
        Reply ok = node.request(Modality.TEXT, input(Modality.TEXT, WORLD.sample(3)), Modality.IMAGE, Duration.ofSeconds(5),
                System.nanoTime() - 1_000_000_000L).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertInstanceOf(Reply.Completed.class, ok, ok.toString());
    }

    @Test
    void workersReportTheirTimePerJobForEachStage() throws Exception {
        assertInstanceOf(Reply.Completed.class, get(node, Modality.TEXT, input(Modality.TEXT, WORLD.sample(4)), Modality.IMAGE,
                Duration.ofSeconds(5)));
        WorkerBoard.View text = node.board().views().stream().filter(v -> v.name().equals("text-1")).findFirst().orElseThrow();
        WorkerBoard.View image = node.board().views().stream().filter(v -> v.name().equals("image-1")).findFirst().orElseThrow();
        assertTrue(text.stageMillis()[Stage.ENCODE.ordinal()] > 0, "text-1 encode " + text.stageMillis()[0]);
        assertTrue(image.stageMillis()[Stage.DECODE.ordinal()] > 0, "image-1 decode " + image.stageMillis()[1]);
    }
}
