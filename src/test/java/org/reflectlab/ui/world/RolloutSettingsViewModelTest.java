package org.reflectlab.ui.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.world.ActionScript;
import org.reflectlab.core.world.WorldSpec;

/** World's settings bar on its own: refusals say why and change nothing; a world change re-runs, alpha only re-blends. */
class RolloutSettingsViewModelTest {

    private final AtomicInteger rollouts = new AtomicInteger();
    private final AtomicInteger reblends = new AtomicInteger();
    private final RolloutSettingsViewModel s = new RolloutSettingsViewModel(rollouts::incrementAndGet, reblends::incrementAndGet);

    @Test
    void acceptedChangesRollOutAgainAndAlphaOnlyReblends() {
        assertTrue(s.setSeed(42));
        assertTrue(s.setBalls(3));
        assertTrue(s.setScript(ActionScript.values()[0]));
        assertTrue(s.setHorizon(12));
        assertEquals(4, rollouts.get());
        assertEquals(0, reblends.get());
        assertTrue(s.setAlpha(0.25));
        assertEquals(4, rollouts.get(), "alpha does not re-run the rollout");
        assertEquals(1, reblends.get());
        WorldSpec spec = s.spec();
        assertEquals(42, spec.seed());
        assertEquals(3, spec.balls());
        assertEquals(12, spec.horizon());
        assertEquals(WorldViewModel.FRAME_SIZE, spec.frameSize());
        assertEquals("", s.settingsErrorProperty().get());
    }

    @Test
    void refusedValuesSayWhyAndChangeNothing() {
        assertFalse(s.setBalls(4));
        assertEquals("Number of balls must be 1, 2 or 3.", s.settingsErrorProperty().get());
        assertEquals(2, s.ballsProperty().get());
        assertFalse(s.setSeed(-1));
        assertFalse(s.setHorizon(WorldSpec.MAX_HORIZON + 1));
        assertFalse(s.setScript(null));
        assertFalse(s.setAlpha(1.5));
        assertEquals("Alpha must be between 0 and 1.", s.settingsErrorProperty().get());
        assertEquals(0.7, s.alphaProperty().get());
        assertEquals(0, rollouts.get() + reblends.get(), "nothing re-ran");
        assertTrue(s.setBalls(1));
        assertEquals("", s.settingsErrorProperty().get(), "an accepted value clears the refusal");
    }
}
