package org.reflectlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** The first window lies inside the screen's visual bounds, whatever size was remembered. */
class WindowPlacementTest {

    private static final Rectangle2D SMALL = new Rectangle2D(0, 0, 1024, 700);
    private static final Rectangle2D BIG = new Rectangle2D(0, 0, 1920, 1080);

    private static boolean inside(Rectangle2D screen, ShellViewModel.WindowState w) {
        return screen.contains(new Rectangle2D(w.x(), w.y(), w.width(), w.height()));
    }

    @Test
    void onASmallScreenTheDefaultWindowIsCutToTheScreen() {
        ShellViewModel.WindowState w = WindowPlacement.place(List.of(SMALL), Optional.empty());
        assertEquals(new ShellViewModel.WindowState(0, 0, 1024, 700, false), w);
    }

    @Test
    void onABigScreenTheDefaultSizeIsCentred() {
        ShellViewModel.WindowState w = WindowPlacement.place(List.of(BIG), Optional.empty());
        assertEquals(new ShellViewModel.WindowState(320, 140, 1280, 800, false), w);
    }

    @Test
    void aRememberedWindowIsRestoredWhereItFitsAndMovedInWhereItHangsOver() {
        var fits = new ShellViewModel.WindowState(100, 50, 1000, 700, false);
        assertEquals(fits, WindowPlacement.place(List.of(BIG), Optional.of(fits)));
        // remembered on a big screen, now on a small one: cut and moved inside
        var big = new ShellViewModel.WindowState(300, 200, 1600, 900, false);
        ShellViewModel.WindowState w = WindowPlacement.place(List.of(SMALL), Optional.of(big));
        assertTrue(inside(SMALL, w), w.toString());
        assertEquals(1024, w.width());
        // remembered on a second monitor that is gone: centred on the primary one
        var gone = new ShellViewModel.WindowState(2500, 100, 800, 600, true);
        ShellViewModel.WindowState g = WindowPlacement.place(List.of(BIG), Optional.of(gone));
        assertEquals(new ShellViewModel.WindowState(560, 240, 800, 600, true), g);
    }

    @Test
    void aSecondScreenKeepsItsWindowAndTheMinimumNeverExceedsTheScreen() {
        Rectangle2D right = new Rectangle2D(1920, 0, 1280, 1024);
        var there = new ShellViewModel.WindowState(2000, 100, 1000, 800, false);
        assertEquals(there, WindowPlacement.place(List.of(BIG, right), Optional.of(there)));
        double[] min = WindowPlacement.minimum(new Rectangle2D(0, 0, 800, 560));
        assertEquals(800, min[0]);
        assertEquals(560, min[1]);
    }
}
