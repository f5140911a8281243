package org.reflectlab.core.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.data.RgbImage;

class SystemIdentificationTest {

    private static final PhysicsParams TRUE = new PhysicsParams(2.4, 0.7, 0.01, 1.6);
    private static final PhysicsParams PRIOR = PhysicsParams.defaults();

    private static List<Episode> episodes(ActionScript script, int n) {
        List<Episode> out = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            out.add(Episode.of(new WorldSpec(100 + s, 1 + s % 3, 32, 150, script, TRUE)));
        }
        return out;
    }

    @Test
    void recoversKnownParametersFromCleanTrajectories() {
        List<Track> tracks = episodes(ActionScript.RANDOM, 6).stream().map(Track::exact).toList();
        SystemIdentification.Result r = SystemIdentification.identify(tracks, PRIOR);
        assertEquals(TRUE.gravity(), r.params().gravity(), 1e-6, r.summary());
        assertEquals(TRUE.damping(), r.params().damping(), 1e-6, r.summary());
        assertEquals(TRUE.mass(), r.params().mass(), 1e-6, r.summary());
        assertEquals(TRUE.restitution(), r.params().restitution(), 1e-4, r.summary());
        assertTrue(r.massIdentified());
        assertTrue(r.bounceWindows() > 5, r.summary());
    }

    @Test
    void recoversThemApproximatelyFromRenderedFrames() {
        List<Track> tracks = new ArrayList<>();
        for (Episode e : episodes(ActionScript.RANDOM, 8)) {
            List<RgbImage> frames = e.states().stream().map(s -> FrameRenderer.render(s, 32)).toList();
            tracks.add(Track.perceived(frames, e.actions()));
        }
        SystemIdentification.Result r = SystemIdentification.identify(tracks, PRIOR);
        assertEquals(TRUE.gravity(), r.params().gravity(), 0.1 * TRUE.gravity(), r.summary());
        assertEquals(TRUE.damping(), r.params().damping(), 0.01, r.summary());
        assertEquals(TRUE.mass(), r.params().mass(), 0.15 * TRUE.mass(), r.summary());
        assertEquals(TRUE.restitution(), r.params().restitution(), 0.1, r.summary());
        assertEquals(BallPhysics.RADIUS, r.radius(), 0.01, r.summary());
    }

    @Test
    void withoutActionsTheMassIsNotClaimed() {
        List<Track> tracks = episodes(ActionScript.NONE, 4).stream().map(Track::exact).toList();
        SystemIdentification.Result r = SystemIdentification.identify(tracks, PRIOR);
        assertFalse(r.massIdentified());
        assertEquals(PRIOR.mass(), r.params().mass());
        assertEquals(TRUE.gravity(), r.params().gravity(), 1e-6);
    }
}
