package org.reflectlab.core.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The give-back's collection shrinks the heap tight, and leaves the launch's heap ratios as they were. */
class NativeMemoryTest {

    private final HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    @Test
    void theTightCollectionRestoresTheLaunchRatiosAndShrinksTheHeapToWhatIsLive() {
        String min = vm.getVMOption("MinHeapFreeRatio").getValue();
        String max = vm.getVMOption("MaxHeapFreeRatio").getValue();
        byte[][] garbage = new byte[64][];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = new byte[1 << 20]; // 64 MB the heap grows for, then drops
        }
        garbage = null;
        assertTrue(NativeMemory.tightCollect(), "the ratios are manageable on HotSpot");
        assertEquals(min, vm.getVMOption("MinHeapFreeRatio").getValue(), "the launch's ratios are back");
        assertEquals(max, vm.getVMOption("MaxHeapFreeRatio").getValue());
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        // at most 10 % free after the collection, give or take a region or two of rounding (and the young regions since)
        assertTrue(rt.totalMemory() <= used / 0.9 + (8 << 20),
                "committed " + (rt.totalMemory() >> 20) + " MB for " + (used >> 20) + " MB used");
    }
}
