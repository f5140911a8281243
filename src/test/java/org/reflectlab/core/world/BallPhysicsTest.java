package org.reflectlab.core.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BallPhysicsTest {

    private static final PhysicsParams ELASTIC = new PhysicsParams(3.0, 1.0, 0.0, 1.0);

    private static WorldState ball(double x, double y, double vx, double vy) {
        return new WorldState(BallPhysics.RADIUS, new double[] {x}, new double[] {y}, new double[] {vx}, new double[] {vy});
    }

    @Test
    void energyIsConservedWithoutDampingOverSixHundredFrames() {
        for (int balls = 1; balls <= 3; balls++) {
            for (long seed = 1; seed <= 5; seed++) {
                WorldState s = Episode.randomState(balls, new SplittableRandom(seed));
                double e0 = s.energy(ELASTIC.gravity(), ELASTIC.mass());
                double worst = 0;
                for (int t = 0; t < 600; t++) {
                    s = BallPhysics.step(s, ELASTIC, 0, 0);
                    worst = Math.max(worst, Math.abs(s.energy(ELASTIC.gravity(), ELASTIC.mass()) - e0) / e0);
                }
                assertTrue(worst < 1e-9, balls + " balls, seed " + seed + ": relative energy error " + worst);
            }
        }
    }

    @Test
    void dampingAndInelasticBouncesLoseEnergy() {
        WorldState s = Episode.randomState(2, new SplittableRandom(3));
        PhysicsParams lossy = new PhysicsParams(3.0, 0.8, 0.01, 1.0);
        double e0 = s.energy(3.0, 1.0);
        for (int t = 0; t < 300; t++) {
            s = BallPhysics.step(s, lossy, 0, 0);
        }
        assertTrue(s.energy(3.0, 1.0) < 0.5 * e0);
    }

    @Test
    void aBallHittingTheRightWallComesBackWithItsSpeedTimesRestitution() {
        PhysicsParams p = new PhysicsParams(0.0, 0.5, 0.0, 1.0);
        double r = BallPhysics.RADIUS;
        // 0.02 from the wall at speed 1.2: reaches it after 1/60 s, i.e. halfway through the frame
        WorldState s = BallPhysics.step(ball(1 - r - 0.02, 0.5, 1.2, 0), p, 0, 0);
        assertEquals(-0.6, s.vx(0), 1e-12);
        assertEquals(1 - r - 0.6 * (BallPhysics.DT - 0.02 / 1.2), s.x(0), 1e-12);
        assertEquals(0.5, s.y(0), 1e-12);
    }

    @Test
    void wallsReflectOnEveryAxisAndNothingLeavesTheBox() {
        double r = BallPhysics.RADIUS;
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            WorldState s = Episode.randomState(3, rng);
            PhysicsParams p = PhysicsParams.defaults();
            double[][] actions = ActionScript.RANDOM.generate(seed, 300);
            for (int t = 0; t < 300; t++) {
                s = BallPhysics.step(s, p, actions[t][0], actions[t][1]);
                for (int i = 0; i < 3; i++) {
                    assertTrue(s.x(i) >= r - 1e-12 && s.x(i) <= 1 - r + 1e-12, "x inside the box");
                    assertTrue(s.y(i) >= r - 1e-12 && s.y(i) <= 1 - r + 1e-12, "y inside the box");
                }
            }
        }
        // a fall onto the floor: the ball is moving up afterwards, mirrored at the floor
        WorldState s = ball(0.5, 1 - r - 0.001, 0, 2.0);
        s = BallPhysics.step(s, ELASTIC, 0, 0);
        assertTrue(s.vy(0) < 0, "moving up after the bounce");
        assertTrue(s.y(0) < 1 - r);
    }

    @Test
    void aBallLeftOnTheFloorRests() {
        double r = BallPhysics.RADIUS;
        WorldState s = ball(0.5, 1 - r, 0, 0);
        for (int t = 0; t < 30; t++) {
            s = BallPhysics.step(s, PhysicsParams.defaults(), 0, 0);
        }
        assertEquals(1 - r, s.y(0), 1e-12);
        assertEquals(0, s.vy(0), 1e-12);
    }

    @Test
    void twoBallsMeetingHeadOnExchangeVelocities() {
        PhysicsParams p = new PhysicsParams(0.0, 1.0, 0.0, 1.0);
        double r = BallPhysics.RADIUS;
        WorldState s = new WorldState(r, new double[] {0.5 - r - 0.01, 0.5 + r + 0.01}, new double[] {0.5, 0.5},
                new double[] {0.9, -0.9}, new double[] {0, 0});
        s = BallPhysics.step(s, p, 0, 0);
        assertEquals(-0.9, s.vx(0), 1e-9);
        assertEquals(0.9, s.vx(1), 1e-9);
        assertTrue(s.x(1) - s.x(0) >= 2 * r - 1e-9, "no overlap after the contact");
    }

    @Test
    void sameSeedSameEpisode() {
        WorldSpec spec = WorldSpec.defaults().withBalls(3).withSeed(42);
        Episode a = Episode.of(spec);
        Episode b = Episode.of(spec);
        assertEquals(spec.horizon() + Episode.CONTEXT, a.frames());
        for (int t = 0; t < a.frames(); t++) {
            assertEquals(a.state(t).x(2), b.state(t).x(2));
        }
    }
}
