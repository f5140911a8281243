package org.reflectlab.core.world;

import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.nn.world.ImplicitModel;

/**
 * Live play: the user pushes the controllable ball; each tick the true simulator and the chosen
 * world model both take the same action, and the model predicts the next frame from its own
 * belief (it never sees the true frames after the start, unless re-synced). Owned by one thread.
 */
public final class PlaySession {

    /** One tick: the true frame, the model's frame, and the error between them. */
    public record Frame(long step, RgbImage truth, RgbImage prediction, double error) {
    }

    private final WorldModels models;
    private final ModelKind kind;
    private final int frameSize;
    private final PhysicsParams physics;
    private volatile double alpha;
    private WorldState truth;
    private RgbImage prevFrame;
    private RgbImage curFrame;
    private double[] lastAction = {0, 0};
    private WorldState believed;
    private INDArray latent;
    private long step;

    public PlaySession(WorldModels models, ModelKind kind, double alpha, int balls, long seed, int frameSize,
                       PhysicsParams physics) {
        if (kind == ModelKind.TRUTH) {
            throw new IllegalArgumentException("choose a world model to play against the truth");
        }
        if ((kind == ModelKind.IMPLICIT || kind == ModelKind.HYBRID) && !models.hasImplicit()) {
            throw new IllegalArgumentException("the " + kind.label() + " model needs the implicit model, which is not loaded");
        }
        Hybrid.checkAlpha(alpha);
        this.models = models;
        this.kind = kind;
        this.alpha = alpha;
        this.frameSize = frameSize;
        this.physics = physics;
        truth = Episode.randomState(balls, new SplittableRandom(seed));
        prevFrame = FrameRenderer.render(truth, frameSize);
        truth = BallPhysics.step(truth, physics, 0, 0);
        curFrame = FrameRenderer.render(truth, frameSize);
        resync();
    }

    public ModelKind kind() {
        return kind;
    }

    public void setAlpha(double a) {
        Hybrid.checkAlpha(a);
        alpha = a;
    }

    /** Re-anchors the model on the last two true frames (its drift starts again from zero). */
    public void resync() {
        believed = models.explicit().perceive(prevFrame, curFrame, lastAction);
        if (kind != ModelKind.EXPLICIT) {
            latent = models.implicit().encode(List.of(prevFrame), List.of(curFrame), new double[][] {lastAction});
        }
    }

    /** Advances truth and model by one frame under the action (components in [-1, 1]). */
    public Frame step(double ax, double ay) {
        double[] a = {clamp(ax), clamp(ay)};
        truth = BallPhysics.step(truth, physics, a[0], a[1]);
        prevFrame = curFrame;
        curFrame = FrameRenderer.render(truth, frameSize);
        lastAction = a;
        RgbImage explicit = null;
        RgbImage implicit = null;
        if (kind != ModelKind.IMPLICIT) {
            if (believed != null) {
                believed = BallPhysics.step(believed, models.explicit().params(), a[0], a[1]);
                explicit = FrameRenderer.render(believed, models.explicit().radius(), frameSize);
            } else {
                explicit = FrameRenderer.empty(frameSize);
            }
        }
        if (kind != ModelKind.EXPLICIT) {
            ImplicitModel.Step s = models.implicit().step(latent, new double[][] {a});
            latent = s.latent();
            implicit = s.frames().get(0);
        }
        RgbImage prediction = switch (kind) {
            case EXPLICIT -> explicit;
            case IMPLICIT -> implicit;
            default -> Hybrid.blend(explicit, implicit, alpha);
        };
        step++;
        return new Frame(step, curFrame, prediction, RolloutMetrics.mse(prediction, curFrame));
    }

    private static double clamp(double v) {
        return Double.isFinite(v) ? Math.max(-1, Math.min(1, v)) : 0;
    }
}
