package org.reflectlab.core.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WorkerLimitTest {

    private static final long GB = 1L << 30;

    @Test
    void workersAreBoundedByCoresAndMemoryWithAMessage() {
        WorkerLimit many = WorkerLimit.of(300, 2, 8 * GB);
        assertEquals(2, many.workers());
        assertTrue(many.note().startsWith("--workers 300 is more than this machine can use: 2 cores"), many.note());
        assertEquals(3, WorkerLimit.of(1000, 64, 3 * WorkerLimit.BYTES_PER_WORKER + 1).workers(), "memory bounds too");
        assertEquals(1, WorkerLimit.of(4, 8, 1).workers(), "always at least one");
        WorkerLimit fine = WorkerLimit.of(2, 4, 8 * GB);
        assertEquals(2, fine.workers());
        assertNull(fine.note());
        assertEquals(4, WorkerLimit.of(null, 4, 8 * GB).workers(), "the default is one per core");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkerLimit.of(0, 4, GB));
        assertEquals("--workers must be 1 or more, not 0", e.getMessage());
        assertTrue(WorkerLimit.forThisMachine(100_000).workers() <= Runtime.getRuntime().availableProcessors());
    }
}
