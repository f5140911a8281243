package org.reflectlab.ui.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Requests in one burst draw once, after the burst; a request during or after the draw draws again. No toolkit. */
class CoalescedRedrawTest {

    private final List<Runnable> scheduled = new ArrayList<>();
    private int drawn;

    private void runScheduled() {
        List<Runnable> now = new ArrayList<>(scheduled);
        scheduled.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void aBurstOfRequestsDrawsOnceAfterIt() {
        CoalescedRedraw r = new CoalescedRedraw(() -> drawn++, scheduled::add);
        r.request();
        r.request();
        r.request();
        assertEquals(0, drawn, "nothing is drawn while the event that asked runs");
        assertEquals(1, scheduled.size(), "one draw scheduled for the burst");
        runScheduled();
        assertEquals(1, drawn);
        assertEquals(1, r.draws());
        runScheduled();
        assertEquals(1, drawn, "nothing more was asked");
        r.request();
        runScheduled();
        assertEquals(2, drawn, "a later request draws again");
    }

    @Test
    void aRequestMadeByTheDrawItselfIsDrawnNextTime() {
        CoalescedRedraw[] r = new CoalescedRedraw[1];
        r[0] = new CoalescedRedraw(() -> {
            if (drawn++ == 0) {
                r[0].request(); // e.g. a listener fired by what the draw changed
            }
        }, scheduled::add);
        r[0].request();
        runScheduled();
        assertEquals(1, drawn);
        assertEquals(1, scheduled.size());
        runScheduled();
        assertEquals(2, drawn);
    }
}
