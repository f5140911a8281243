package org.reflectlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.Group;
import org.junit.jupiter.api.Test;
import org.reflectlab.ui.kit.Releasable;

/** Hidden workspaces release after the delay, never the shown one, and rebuild when shown again. */
class IdleReleaseTest {

    private final AtomicLong now = new AtomicLong();
    private final IdleRelease idle = new IdleRelease(30_000, now::get);

    private record Counts(AtomicInteger released, AtomicInteger rebuilt) {
        Counts() {
            this(new AtomicInteger(), new AtomicInteger());
        }
    }

    private Group view(Counts c) {
        Group g = new Group();
        Releasable.register(g, Releasable.of(c.released()::incrementAndGet, c.rebuilt()::incrementAndGet));
        return g;
    }

    @Test
    void aWorkspaceHiddenLongerThanTheDelayReleasesAndRebuildsOnReturn() {
        Counts data = new Counts();
        Counts train = new Counts();
        Group dataView = view(data);
        Group trainView = view(train);
        idle.shown(dataView);
        now.set(1_000);
        idle.shown(trainView); // data hidden from t = 1 s
        now.set(30_000);
        idle.tick();
        assertEquals(0, data.released().get(), "29 s hidden: kept");
        now.set(31_000);
        idle.tick();
        assertEquals(1, data.released().get(), "30 s hidden: released");
        assertEquals(0, train.released().get(), "the shown workspace never releases");
        now.set(100_000);
        idle.tick();
        assertEquals(0, train.released().get());

        assertEquals(2, data.released().get(), "asked again while hidden (a part busy the first time may release now)");

        int rebuiltBefore = data.rebuilt().get();
        idle.shown(dataView);
        assertEquals(rebuiltBefore + 1, data.rebuilt().get(), "shown again: rebuilt");
        now.set(125_000);
        idle.tick();
        assertEquals(2, data.released().get(), "the shown workspace is not asked");
        assertEquals(0, train.released().get(), "train hidden only 25 s");
    }

    @Test
    void memoryIsGivenBackOncePerHidingWhenSomethingWasAskedToRelease() {
        AtomicInteger givenBack = new AtomicInteger();
        IdleRelease r = new IdleRelease(30_000, now::get, givenBack::incrementAndGet);
        Group data = view(new Counts());
        Group train = view(new Counts());
        Group bare = new Group(); // a workspace with nothing to release
        r.shown(data);
        r.shown(bare); // data hidden from t = 0
        now.set(29_000);
        r.tick();
        assertEquals(0, givenBack.get(), "nothing released yet");
        now.set(31_000);
        r.tick();
        assertEquals(1, givenBack.get(), "data released: memory given back");
        now.set(36_000);
        r.tick();
        assertEquals(1, givenBack.get(), "asked again while hidden, but the give-back is not repeated every tick");

        r.shown(train); // bare hidden from 36 s: it registered nothing, so its hiding gives nothing back
        now.set(70_000);
        r.tick();
        assertEquals(1, givenBack.get());

        r.shown(data); // train hidden from 70 s; data shown again, then hidden again from 71 s
        now.set(71_000);
        r.shown(bare);
        now.set(101_000);
        r.tick();
        assertEquals(2, givenBack.get(), "train and data past the delay in the same tick: one give-back");
    }

    @Test
    void zeroDelayNeverReleases() {
        IdleRelease never = new IdleRelease(0, now::get);
        Counts c = new Counts();
        Group v = view(c);
        never.shown(v);
        never.shown(new Group());
        now.set(10_000_000);
        never.tick();
        assertEquals(0, c.released().get());
    }

    @Test
    void aHiddenWorkspaceTrimsAtOnceAndAgainOnlyWhenItsBusyPartLetsGoLater() {
        AtomicInteger released = new AtomicInteger();
        AtomicInteger trimmed = new AtomicInteger();
        AtomicInteger trims = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean holds = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicBoolean busy = new java.util.concurrent.atomic.AtomicBoolean(true);
        IdleRelease r = new IdleRelease(30_000, now::get, released::incrementAndGet, trimmed::incrementAndGet);
        Group aphasia = new Group();
        Releasable.register(aphasia, Releasable.of(() -> { }, () -> { }, () -> {
            trims.incrementAndGet();
            if (busy.get() || !holds.get()) {
                return false; // a run still uses its buffers, or there is nothing left
            }
            holds.set(false);
            return true;
        }));
        Group serving = new Group();
        r.shown(aphasia);
        assertEquals(0, trims.get(), "the shown workspace is not trimmed");
        r.shown(serving); // hidden while its run goes on: the trim finds it busy
        assertEquals(1, trims.get(), "trimmed as it is hidden, not after the delay");
        assertEquals(0, trimmed.get(), "nothing let go yet: no give-back");
        busy.set(false);
        now.set(5_000);
        r.tick();
        assertEquals(1, trimmed.get(), "the run finished: its buffers go at the next tick and are given back");
        now.set(10_000);
        r.tick();
        assertEquals(1, trimmed.get(), "nothing more to let go: no give-back");
        assertEquals(0, released.get(), "the release proper still waits for the delay");

        r.shown(aphasia);
        holds.set(true); // used again while shown
        r.shown(serving);
        assertEquals(2, trimmed.get(), "idle when hidden: trimmed and given back at once");
    }

    @Test
    void nothingIsTrimmedWhenReleasingIsOff() {
        AtomicInteger trims = new AtomicInteger();
        IdleRelease never = new IdleRelease(0, now::get);
        Group v = new Group();
        Releasable.register(v, Releasable.of(() -> { }, () -> { }, () -> trims.incrementAndGet() > 0));
        never.shown(v);
        never.shown(new Group());
        never.tick();
        assertEquals(0, trims.get());
    }
}
