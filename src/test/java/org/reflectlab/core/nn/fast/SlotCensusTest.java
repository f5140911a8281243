package org.reflectlab.core.nn.fast;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The census names the calls that hold slot buffers, and forgets a buffer once nothing holds it. */
class SlotCensusTest {

    @Test
    void aHeldBufferIsCountedByItsCallSiteAndAFreedOneIsNot() throws Exception {
        SlotCensus.start();
        Slot held = new Slot();
        held.mat(512, 1024); // 2 MB
        List<String> live = SlotCensus.live(50);
        assertTrue(live.stream().anyMatch(l -> l.contains("2.0 MB") && l.contains("SlotCensusTest.aHeldBufferIsCounted")), live.toString());

        held = null;
        for (int i = 0; i < 20 && SlotCensus.live(50).stream().anyMatch(l -> l.contains("SlotCensusTest.aHeldBufferIsCounted")); i++) {
            System.gc();
            Thread.sleep(50);
        }
        assertTrue(SlotCensus.live(50).stream().noneMatch(l -> l.contains("SlotCensusTest.aHeldBufferIsCounted")),
                "a buffer nobody holds is not counted");
    }

    @Test
    void theSiteIsTheApplicationFramesInnermostFirst() {
        StackTraceElement[] stack = {
            new StackTraceElement(Slot.class.getName(), "mat", null, 1),
            new StackTraceElement("org.reflectlab.core.nn.fast.Gelu", "forward", null, 1),
            new StackTraceElement("org.reflectlab.core.nn.unified.UnifiedNet", "imageLatents", null, 1),
            new StackTraceElement("java.util.ArrayList", "forEach", null, 1),
            new StackTraceElement("org.reflectlab.core.serving.RouteEngine", "warmUp", null, 1),
            new StackTraceElement("org.reflectlab.core.serving.Worker", "receive", null, 1)};
        String site = SlotCensus.site(stack);
        assertTrue(site.equals("Gelu.forward ... RouteEngine.warmUp < Worker.receive"), site);
    }
}
