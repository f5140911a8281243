package org.reflectlab.core.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The memory figures `bench ui` prints: the JVM's native areas on one line, and a reading of this process. */
class MemoryReportTest {

    @Test
    void theNativeLineKeepsAreasOfAMegabyteOrMoreInOrder() {
        List<String> summary = List.of("Total: reserved=2374594KB, committed=389766KB",
                "- Java Heap (reserved=786432KB, committed=184320KB)",
                "- Class (reserved=1050192KB, committed=12112KB)",
                "- Internal (reserved=522KB, committed=522KB)",
                "- Metaspace (reserved=131354KB, committed=66586KB)");
        assertEquals("NMT committed 380 MB: Java Heap 180, Class 11, Metaspace 65", MemoryReport.nativeLine(summary));
        assertEquals("", MemoryReport.nativeLine(List.of()), "no NativeMemoryTracking: nothing to say");
    }

    @Test
    void aReadingSplitsTheResidentSetIntoItsParts() {
        MemoryReport.Snapshot s = MemoryReport.now(false);
        if (s.rssMb() < 0) {
            return; // not Linux: no /proc figures to check
        }
        assertTrue(s.rssAnonMb() > 0 && s.rssFileMb() > 0, s.line());
        // the kernel counts the two parts (and shared memory) separately and reads them at slightly different moments
        assertTrue(Math.abs(s.rssAnonMb() + s.rssFileMb() - s.rssMb()) <= Math.max(8, s.rssMb() / 10), s.line());
    }
}
