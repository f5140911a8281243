package org.reflectlab.ui.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScrubberViewModelTest {

    private static ScrubberViewModel scrubber(int last) {
        ScrubberViewModel s = new ScrubberViewModel();
        s.setLast(last);
        return s;
    }

    @Test
    void seekingAndSteppingStayWithinBounds() {
        ScrubberViewModel s = scrubber(60);
        s.seek(100);
        assertEquals(60, s.frame());
        s.seek(-5);
        assertEquals(0, s.frame());
        s.stepBack();
        assertEquals(0, s.frame());
        s.stepForward();
        s.stepForward();
        assertEquals(2, s.frame());
        s.end();
        s.stepForward();
        assertEquals(60, s.frame());
        s.home();
        assertEquals(0, s.frame());
        assertThrows(IllegalArgumentException.class, () -> s.setLast(-1));
    }

    @Test
    void shorterRolloutsPullTheFrameIn() {
        ScrubberViewModel s = scrubber(600);
        s.seek(500);
        s.setLast(60);
        assertEquals(60, s.frame());
        s.setLast(100);
        assertEquals(60, s.frame(), "a longer rollout keeps the frame");
    }

    @Test
    void playAdvancesAtTheSpeedAndPauseStops() {
        ScrubberViewModel s = scrubber(60);
        s.loopProperty().set(false);
        s.play();
        assertTrue(s.playingProperty().get());
        s.advance(0.5); // 24 frames/s at 1x
        assertEquals(12, s.frame());
        assertTrue(s.setSpeed(2.0));
        s.advance(0.25);
        assertEquals(24, s.frame());
        assertFalse(s.setSpeed(3.0), "only the offered speeds");
        assertEquals(2.0, s.speedProperty().get());
        s.togglePlay();
        assertFalse(s.playingProperty().get());
        s.advance(1.0);
        assertEquals(24, s.frame(), "paused: no movement");
        s.play();
        s.advance(0.01); // less than a frame: kept for later, not lost
        s.advance(0.01);
        s.advance(0.01);
        assertEquals(25, s.frame());
    }

    @Test
    void atTheEndPlayStopsOrLoops() {
        ScrubberViewModel s = scrubber(10);
        s.loopProperty().set(false);
        s.play();
        s.advance(5);
        assertEquals(10, s.frame());
        assertFalse(s.playingProperty().get(), "stops at the last frame");
        s.play();
        assertEquals(0, s.frame(), "play at the end starts over");
        s.loopProperty().set(true);
        s.seek(9);
        s.play();
        s.advance(3 / ScrubberViewModel.BASE_FPS + 1e-9);
        assertEquals(1, s.frame(), "9 -> 10 -> 0 -> 1");
        assertTrue(s.playingProperty().get());
    }

    @Test
    void steppingPausesAndNothingPlaysWithoutFrames() {
        ScrubberViewModel s = scrubber(10);
        s.play();
        s.stepForward();
        assertFalse(s.playingProperty().get());
        ScrubberViewModel empty = new ScrubberViewModel();
        empty.play();
        assertFalse(empty.playingProperty().get());
    }
}
