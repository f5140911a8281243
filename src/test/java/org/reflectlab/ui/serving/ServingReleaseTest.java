package org.reflectlab.ui.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.concurrent.SynchronousTaskRunner;
import org.reflectlab.core.serving.Modality;
import org.reflectlab.core.serving.Reply;
import org.reflectlab.core.serving.RouteEngine;
import org.reflectlab.core.serving.ServingConfig;
import org.reflectlab.core.serving.ServingNode;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.ui.kit.RecordingNotifier;

/** The Serving workspace hidden a while closes its node (the workers' models go), keeps what it shows, and starts again on return. */
class ServingReleaseTest {

    private ServingViewModel vm;

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    @AfterEach
    void close() {
        if (vm != null) {
            vm.close();
        }
    }

    @Test
    void anIdleNodeClosesWhileHiddenAndStartsAgainOnAWorker() throws Exception {
        ModelStore store = new ModelStore(Path.of("models"));
        SynchronousTaskRunner runner = new SynchronousTaskRunner();
        vm = new ServingViewModel(runner, new RecordingNotifier(),
                () -> ServingNode.start(ServingConfig.local(), RouteEngine.shipped(store, "unified")));
        vm.start();
        vm.composer().inputProperty().set(Modality.TEXT);
        vm.composer().outputProperty().set(Modality.IMAGE);
        vm.composer().send();
        ServingViewModelTest.await(() -> vm.composer().replyProperty().get() != null && !vm.composer().replyTextProperty().get().startsWith("sent"), "a reply");
        ServingViewModelTest.await(() -> {
            vm.refresh();
            return vm.workers().stream().allMatch(w -> w.inFlight() == 0);
        }, "nothing in flight");
        Reply reply = vm.composer().replyProperty().get();
        String replyText = vm.composer().replyTextProperty().get();
        List<String> routes = List.copyOf(vm.routeTable());
        ServingNode first = vm.node();

        vm.release();
        assertNull(vm.node(), "the node is closed while hidden");
        assertFalse(vm.runningProperty().get());
        assertSame(reply, vm.composer().replyProperty().get(), "the last reply stays");
        assertEquals(replyText, vm.composer().replyTextProperty().get());
        assertEquals(routes, vm.routeTable(), "the route table stays");
        vm.release();

        int submitted = runner.submittedTitles().size();
        vm.rebuild();
        assertEquals(List.of("Start serving node"), runner.submittedTitles().subList(submitted, runner.submittedTitles().size()),
                "started again as one background task");
        assertNotNull(vm.node());
        assertNotSame(first, vm.node());
        assertTrue(vm.runningProperty().get());
        assertTrue(vm.statusProperty().get().contains("started again"), vm.statusProperty().get());
        assertTrue(vm.composer().canSend().get());
        vm.rebuild();
        assertEquals(submitted + 1, runner.submittedTitles().size(), "shown again with the node up: nothing starts");
    }

    @Test
    void aNodeUnderOfferedLoadStaysUp() throws Exception {
        ModelStore store = new ModelStore(Path.of("models"));
        vm = new ServingViewModel(new SynchronousTaskRunner(), new RecordingNotifier(),
                () -> ServingNode.start(ServingConfig.local(), RouteEngine.shipped(store, "unified")));
        vm.start();
        vm.load().measure(500);
        vm.load().multipleProperty().set(1);
        vm.load().offer();
        assertTrue(vm.load().offeringProperty().get());
        vm.release();
        assertNotNull(vm.node(), "a node under load stays up");
        vm.load().stop();
    }
}
