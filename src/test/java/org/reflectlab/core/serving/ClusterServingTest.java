package org.reflectlab.core.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.backend.Backend;

/**
 * Three nodes on loopback in one JVM: A hosts the text worker, B and C image workers. A serves
 * text -> image with the decoder on another node, and keeps serving when B stops. And two nodes
 * under load: the one stopped while it holds requests loses none of them.
 */
class ClusterServingTest {

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static ServingConfig node(Set<Modality> roles, int port, int seedPort) {
        return ServingConfig.local().withRoles(roles).clustered("127.0.0.1", port, List.of("127.0.0.1:" + seedPort));
    }

    @Test
    void aRouteUsesAWorkerOnAnotherNodeAndSurvivesThatNodeStopping() throws Exception {
        int pa = freePort();
        try (ServingNode a = ServingNode.start(node(Set.of(Modality.TEXT), pa, pa), ServingNodeTest.SHIPPED);
             ServingNode c = ServingNode.start(node(Set.of(Modality.IMAGE), freePort(), pa), ServingNodeTest.SHIPPED)) {
            ServingNode b = ServingNode.start(node(Set.of(Modality.IMAGE), freePort(), pa), ServingNodeTest.SHIPPED);
            assertTrue(a.awaitWorkers(Map.of(Modality.IMAGE, 2, Modality.TEXT, 1), Duration.ofSeconds(20)), "A sees both image workers");

            Payload caption = new Payload.Text("a large red circle at top left");
            for (int i = 0; i < 4; i++) {
                Reply r = ServingNodeTest.get(a, Modality.TEXT, caption, Modality.IMAGE, Duration.ofSeconds(5));
                Reply.Completed done = assertInstanceOf(Reply.Completed.class, r, r.toString());
                assertEquals("text-1", done.encodedBy());
                assertEquals(32, ((Payload.Image) done.output()).image().width());
            }
            // both remote image workers took part (least-loaded routing; ties go round by path order)
            assertTrue(a.board().views().stream().filter(v -> v.modality() == Modality.IMAGE)
                    .allMatch(v -> v.state() == WorkerBoard.State.REMOTE), a.board().views().toString());

            b.close(); // leaves the cluster
            // awaitWorkers waits for "at least": wait for B's worker to be gone from A's view instead
            long left = System.nanoTime() + 20_000_000_000L;
            while (a.reachableWorkers().getOrDefault(Modality.IMAGE, 0) != 1 && System.nanoTime() < left) {
                Thread.sleep(50);
            }
            assertEquals(1, a.reachableWorkers().get(Modality.IMAGE), "B's image worker left A's view");
            long t0 = System.nanoTime();
            int completed = 0;
            while (completed < 5 && System.nanoTime() - t0 < 15_000_000_000L) {
                Reply r = ServingNodeTest.get(a, Modality.TEXT, caption, Modality.IMAGE, Duration.ofSeconds(5));
                completed += r instanceof Reply.Completed ? 1 : 0;
            }
            assertEquals(5, completed, "A kept serving text -> image through C");
            assertEquals(1, a.reachableWorkers().get(Modality.IMAGE));
            assertEquals(0, a.metrics().totals().lost());
        }
    }

    @Test
    void stoppingOneOfTwoNodesUnderLoadLosesNoRequest() throws Exception {
        int pa = freePort();
        try (ServingNode a = ServingNode.start(node(Set.of(Modality.TEXT, Modality.IMAGE), pa, pa), ServingNodeTest.SHIPPED)) {
            ServingNode b = ServingNode.start(node(Set.of(Modality.IMAGE), freePort(), pa), ServingNodeTest.SHIPPED);
            assertTrue(a.awaitWorkers(Map.of(Modality.IMAGE, 2, Modality.TEXT, 1), Duration.ofSeconds(20)), "A sees both image workers");
            Payload caption = new Payload.Text("a small blue square at bottom right");
            List<CompletableFuture<Reply>> sent = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                sent.add(a.request(Modality.TEXT, caption, Modality.IMAGE, Duration.ofSeconds(5)).toCompletableFuture());
                if (i == 20) {
                    b.close(); // B stops while A's requests are decoded on it and more keep coming
                }
            }
            int completed = 0;
            for (CompletableFuture<Reply> f : sent) {
                // every request ends within its deadline and the router's grace: completed, failed (its worker went
                // away with B) or refused, never unanswered
                Reply r = f.get(8, TimeUnit.SECONDS);
                completed += r instanceof Reply.Completed ? 1 : 0;
            }
            assertTrue(completed > 0, "some requests completed");
            assertEquals(0, a.metrics().totals().lost());
            assertEquals(60, a.metrics().totals().ended(), a.metrics().totals().toString());
            Reply after = ServingNodeTest.get(a, Modality.TEXT, caption, Modality.IMAGE, Duration.ofSeconds(5));
            assertInstanceOf(Reply.Completed.class, after, "A serves on with its own image worker: " + after);
        }
    }
}
