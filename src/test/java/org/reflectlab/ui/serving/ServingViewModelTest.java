package org.reflectlab.ui.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.concurrent.SynchronousTaskRunner;
import org.reflectlab.core.serving.Modality;
import org.reflectlab.core.serving.OfferedLoad;
import org.reflectlab.core.serving.Payload;
import org.reflectlab.core.serving.Reply;
import org.reflectlab.core.serving.RouteEngine;
import org.reflectlab.core.serving.ServingConfig;
import org.reflectlab.core.serving.ServingNode;
import org.reflectlab.core.serving.WorkerBoard;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.ui.kit.RecordingNotifier;

/** The Serving ViewModel without a toolkit: start, compose and send, inject a crash, refresh the picture. */
class ServingViewModelTest {

    private final RecordingNotifier notifier = new RecordingNotifier();
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

    static void await(BooleanSupplier c, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!c.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, what);
            Thread.sleep(10);
        }
    }

    @Test
    void sendsComposedRequestsAndShowsCrashesAndRestarts() throws Exception {
        ModelStore store = new ModelStore(Path.of("models"));
        vm = new ServingViewModel(new SynchronousTaskRunner(), notifier,
                () -> ServingNode.start(ServingConfig.local(), RouteEngine.shipped(store, "unified")));
        assertFalse(vm.composer().canSend().get());
        vm.start();
        assertTrue(vm.runningProperty().get());
        assertFalse(vm.canStart().get());
        assertEquals(3, vm.workers().size());

        vm.composer().inputProperty().set(Modality.TEXT);
        vm.composer().captionProperty().set("  ");
        assertFalse(vm.composer().canSend().get(), "an empty caption cannot be sent");
        vm.composer().captionProperty().set("a large green square at bottom right");
        vm.composer().outputProperty().set(Modality.IMAGE);
        vm.composer().send();
        // the reply and its text are set one after the other: wait for both
        await(() -> vm.composer().replyProperty().get() != null && !vm.composer().replyTextProperty().get().startsWith("sent"), "a reply");
        Reply.Completed c = assertInstanceOf(Reply.Completed.class, vm.composer().replyProperty().get());
        assertInstanceOf(Payload.Image.class, c.output());
        assertTrue(vm.composer().replyTextProperty().get().contains("text->image"), vm.composer().replyTextProperty().get());

        // audio in: scene 4's clip, read analytically, answered with a caption
        vm.composer().inputProperty().set(Modality.AUDIO);
        vm.composer().sceneProperty().set(4);
        vm.composer().outputProperty().set(Modality.TEXT);
        assertInstanceOf(Payload.Audio.class, vm.composer().composedInput());
        vm.composer().send();
        // the reply and its text are set one after the other: wait for both, not for the first
        await(() -> vm.composer().replyProperty().get() != c && !vm.composer().replyTextProperty().get().startsWith("sent"), "a second reply");
        assertTrue(vm.composer().replyTextProperty().get().contains("spectrum read as"), vm.composer().replyTextProperty().get());

        vm.targetProperty().set("image-1");
        vm.crash();
        await(() -> {
            vm.refresh();
            return vm.totalsProperty().get().contains("restarts 1");
        }, "the restart shows");
        vm.floodProperty().set(30);
        vm.flood();
        await(() -> {
            vm.refresh();
            return vm.totalsProperty().get().contains("sent 32 ");
        }, "the flood is counted: " + vm.totalsProperty().get());
        await(() -> {
            vm.refresh();
            return vm.workers().stream().allMatch(w -> w.state() == WorkerBoard.State.IDLE && w.inFlight() == 0);
        }, "all workers idle again");
        assertTrue(vm.routeTable().stream().anyMatch(r -> r.startsWith("text->image")), vm.routeTable().toString());
        assertTrue(notifier.errors.isEmpty());
    }

    @Test
    void offeringFourTimesTheMeasuredCapacitySheds() throws Exception {
        ModelStore store = new ModelStore(Path.of("models"));
        vm = new ServingViewModel(new SynchronousTaskRunner(), notifier,
                () -> ServingNode.start(ServingConfig.local(), RouteEngine.shipped(store, "unified")));
        LoadViewModel load = vm.load();
        vm.start();
        assertFalse(load.canOffer().get(), "nothing to offer a multiple of before the capacity is measured");
        load.measure(1_500);
        assertTrue(load.capacityProperty().get() > 0, "capacity " + load.capacityProperty().get());
        load.multipleProperty().set(4);
        load.offer();
        assertTrue(load.offeringProperty().get());
        await(() -> {
            vm.refresh();
            return load.snapshot().count(OfferedLoad.Outcome.SHED) > 0 && vm.totalsProperty().get().matches(".*shed [1-9].*");
        }, "shedding under 4x: " + vm.totalsProperty().get());
        assertTrue(load.statusProperty().get().startsWith("Offering"), load.statusProperty().get());
        load.stop();
        assertFalse(load.offeringProperty().get());
        await(() -> vm.node().metrics().totals().ended() == vm.node().metrics().totals().sent(), "every offered request ended");
        assertEquals(0, vm.node().metrics().totals().lost());
        assertTrue(notifier.errors.isEmpty(), notifier.errors.toString());
    }
}
