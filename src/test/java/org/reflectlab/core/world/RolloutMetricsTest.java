package org.reflectlab.core.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.data.RgbImage;

class RolloutMetricsTest {

    private static final PhysicsParams P = PhysicsParams.defaults();

    private static List<RgbImage> truth(int horizon) {
        Episode e = Episode.of(WorldSpec.defaults().withHorizon(horizon).withScript(ActionScript.NONE));
        List<RgbImage> out = new ArrayList<>();
        for (int k = 1; k < e.frames(); k++) {
            out.add(FrameRenderer.render(e.state(k), 32));
        }
        return out;
    }

    @Test
    void aPerfectModelHasNoErrorNoDriftAndTheTruthsConsistency() {
        List<RgbImage> t = truth(30);
        RolloutMetrics m = RolloutMetrics.of(t, t, 0.01, P);
        assertEquals(0, m.meanError());
        assertEquals(-1, m.driftHorizon());
        assertEquals("never", m.driftHorizonText());
        assertTrue(m.meanDiff() > 0 && m.maxDiff() >= m.meanDiff());
        assertEquals(30, m.errors().length);
    }

    @Test
    void aModelWhoseBallsStopDriftsLosesEnergyAndStopsChanging() {
        List<RgbImage> t = truth(40);
        List<RgbImage> stopped = new ArrayList<>(t.subList(0, 6));
        while (stopped.size() < t.size()) {
            stopped.add(t.get(5));
        }
        RolloutMetrics m = RolloutMetrics.of(stopped, t, 0.002, P);
        RolloutMetrics truth = RolloutMetrics.of(t, t, 0.002, P);
        for (int k = 6; k < 40; k++) {
            assertEquals(0, m.frameDiffs()[k], "no change once stopped");
        }
        assertTrue(m.driftHorizon() > 5 && m.driftHorizon() <= 40, "drifts at " + m.driftHorizon());
        assertTrue(m.errors()[m.driftHorizon() - 1] > 0.002);
        assertTrue(m.errors()[m.driftHorizon() - 2] <= 0.002, "the first step over the threshold");
        assertTrue(truth.maxDiff() > 0);
    }

    @Test
    void energyDriftSeesABallThatStops() {
        double floor = 1 - BallPhysics.RADIUS;
        List<RgbImage> rolling = new ArrayList<>();
        List<RgbImage> stopping = new ArrayList<>();
        for (int k = 0; k <= 30; k++) {
            rolling.add(ball(0.2 + k * BallPhysics.DT * 0.6, floor));
            stopping.add(ball(0.2 + Math.min(k, 10) * BallPhysics.DT * 0.6, floor));
        }
        RolloutMetrics moving = RolloutMetrics.of(rolling, rolling, 0.01, P);
        RolloutMetrics stopped = RolloutMetrics.of(stopping, rolling, 0.01, P);
        assertEquals(0, moving.energyDrift(), 0.05, "constant speed on the floor: constant energy");
        double mean = java.util.Arrays.stream(moving.energy()).average().orElseThrow();
        assertEquals(0.5 * 0.36, mean, 0.018, "kinetic energy m v² / 2 read from pixels, within 10%");
        assertEquals(-1, stopped.energyDrift(), 0.05, "all of it lost");
    }

    private static RgbImage ball(double x, double y) {
        return FrameRenderer.render(new WorldState(BallPhysics.RADIUS, new double[] {x}, new double[] {y}, new double[1],
                new double[1]), 32);
    }

    @Test
    void framesMustMatchInNumber() {
        List<RgbImage> t = truth(5);
        assertThrows(IllegalArgumentException.class, () -> RolloutMetrics.of(t.subList(0, 3), t, 0.01, P));
    }

    @Test
    void perceptionFindsEveryBallWithinATenthOfAPixel() {
        Episode e = Episode.of(WorldSpec.defaults().withBalls(3).withSeed(4));
        for (int k = 0; k < e.frames(); k += 7) {
            WorldState s = e.state(k);
            Perception.Detection[] d = Perception.detect(FrameRenderer.render(s, 64));
            for (int i = 0; i < 3; i++) {
                assertNotNull(d[i]);
                boolean overlapping = false;
                for (int j = 0; j < 3; j++) {
                    overlapping |= j != i && Math.hypot(s.x(i) - s.x(j), s.y(i) - s.y(j)) < 2 * s.radius() + 2.0 / 64;
                }
                if (!overlapping) {
                    assertEquals(s.x(i), d[i].x(), 0.1 / 64, "ball " + i + " x at frame " + k);
                    assertEquals(s.y(i), d[i].y(), 0.1 / 64, "ball " + i + " y at frame " + k);
                }
            }
        }
        assertNull(Perception.detect(FrameRenderer.empty(32))[0]);
    }

    @Test
    void hybridEndsAreThePureModels() {
        List<RgbImage> t = truth(3);
        List<RgbImage> blank = new ArrayList<>();
        t.forEach(f -> blank.add(FrameRenderer.empty(32)));
        assertEquals(t.get(2), Hybrid.blend(t, blank, 1.0).get(2));
        assertEquals(blank.get(2), Hybrid.blend(t, blank, 0.0).get(2));
        assertThrows(IllegalArgumentException.class, () -> Hybrid.blend(t, blank, 1.2));
    }
}
