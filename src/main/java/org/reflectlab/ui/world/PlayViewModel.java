package org.reflectlab.ui.world;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.concurrent.LatestValue;
import org.reflectlab.core.concurrent.TaskHandle;
import org.reflectlab.core.concurrent.TaskRunner;
import org.reflectlab.core.world.ModelKind;
import org.reflectlab.core.world.PhysicsParams;
import org.reflectlab.core.world.PlaySession;
import org.reflectlab.core.world.WorldModels;
import org.reflectlab.ui.kit.I18n;
import org.reflectlab.ui.kit.Notifier;

/**
 * Live play: the user steers the orange ball with the arrow keys while the true simulator and the
 * chosen world model advance side by side, {@value #TARGET_FPS} times a second, on their own
 * thread. Frames reach the UI coalesced (the newest wins), with the achieved frame rate.
 */
public final class PlayViewModel {

    public static final int TARGET_FPS = 30;

    /** Arrow keys. */
    public enum Key { LEFT, RIGHT, UP, DOWN }

    /** What the view shows each tick. */
    public record Tick(PlaySession.Frame frame, double fps) {
    }

    private final TaskRunner runner;
    private final Notifier notifier;
    private final WorldViewModel world;
    private final boolean[] held = new boolean[Key.values().length];
    private volatile double ax;
    private volatile double ay;
    private volatile PlaySession session;
    private final AtomicBoolean resync = new AtomicBoolean();
    private AtomicBoolean stop = new AtomicBoolean();
    private TaskHandle task = TaskHandle.DONE;

    // Properties //
    private final ObjectProperty<ModelKind> model = new SimpleObjectProperty<>(ModelKind.HYBRID);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Tick> tick = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper fps = new ReadOnlyDoubleWrapper();
    // a message, so the problem on screen follows a language switch
    private final ObjectProperty<I18n.Message> problemMessage = new SimpleObjectProperty<>(I18n.Message.literal(""));
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final BooleanBinding canStart;

    public PlayViewModel(TaskRunner runner, Notifier notifier, WorldViewModel world) {
        this.runner = runner;
        this.notifier = notifier;
        this.world = world;
        canStart = running.not().and(world.modelsProperty().isNotNull());
        problem.bind(I18n.textOf(problemMessage));
        world.settings().alphaProperty().addListener((o, a, b) -> {
            PlaySession s = session;
            if (s != null) {
                s.setAlpha(b.doubleValue());
            }
        });
        model.addListener((o, a, b) -> {
            if (running.get()) {
                stop();
                start();
            }
        });
    }

    /** Which world model plays against the truth; changing it while running restarts play. */
    public ObjectProperty<ModelKind> modelProperty() {
        return model;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tick> tickProperty() {
        return tick.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty fpsProperty() {
        return fps.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }

    /** The action the held keys make: x right, y down, each in {-1, 0, 1}. */
    public double[] action() {
        return new double[] {ax, ay};
    }

    // Commands //

    public void press(Key k) {
        held[k.ordinal()] = true;
        updateAction();
    }

    public void release(Key k) {
        held[k.ordinal()] = false;
        updateAction();
    }

    private void updateAction() {
        ax = (held[Key.RIGHT.ordinal()] ? 1 : 0) - (held[Key.LEFT.ordinal()] ? 1 : 0);
        ay = (held[Key.DOWN.ordinal()] ? 1 : 0) - (held[Key.UP.ordinal()] ? 1 : 0);
    }

    public void start() {
        WorldModels m = world.modelsProperty().get();
        if (running.get() || m == null) {
            return;
        }
        ModelKind kind = model.get();
        if (kind != ModelKind.EXPLICIT && !m.hasImplicit()) {
            problemMessage.set(new I18n.Message("world.play.fallback", WorldTexts.series(kind)));
            kind = ModelKind.EXPLICIT;
        } else {
            problemMessage.set(I18n.Message.literal(""));
        }
        PlaySession s = new PlaySession(m, kind, world.settings().alphaProperty().get(), world.settings().ballsProperty().get(),
                world.settings().seedProperty().get(), WorldViewModel.FRAME_SIZE, PhysicsParams.defaults());
        session = s;
        AtomicBoolean stopFlag = new AtomicBoolean();
        stop = stopFlag;
        running.set(true);
        LatestValue<Tick> frames = new LatestValue<>(runner.uiExecutor(), t -> {
            tick.set(t);
            fps.set(t.fps());
        });
        task = runner.submit(BackgroundTask.of(I18n.tr("world.task.play", WorldTexts.series(kind)), ctx -> {
            loop(s, frames, () -> stopFlag.get() || ctx.isCancelled());
            return null;
        }).onOwnThread("reflectlab-play").hiddenFromTaskList()
                .onFailure(e -> {
                    problemMessage.set(new I18n.Message("world.play.failed", String.valueOf(e.getMessage())));
                    notifier.error(I18n.tr("world.play.failed.title"), String.valueOf(e.getMessage()));
                })
                .onFinished(() -> {
                    if (stop == stopFlag) {
                        running.set(false);
                        session = null;
                    }
                }));
    }

    /** Steps at the target rate until stopped; the frame rate is counted over the last second. */
    private void loop(PlaySession s, LatestValue<Tick> frames, java.util.function.BooleanSupplier stopped)
            throws InterruptedException {
        long period = 1_000_000_000L / TARGET_FPS;
        long next = System.nanoTime();
        ArrayDeque<Long> recent = new ArrayDeque<>();
        while (!stopped.getAsBoolean()) {
            if (resync.getAndSet(false)) {
                s.resync();
            }
            PlaySession.Frame f = s.step(ax, ay);
            long now = System.nanoTime();
            recent.addLast(now);
            while (now - recent.peekFirst() > 1_000_000_000L) {
                recent.removeFirst();
            }
            frames.offer(new Tick(f, recent.size() > 1 ? (recent.size() - 1) * 1e9 / (now - recent.peekFirst()) : 0));
            next += period;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            } else if (sleep < -period * 3) {
                next = System.nanoTime(); // fell behind: do not try to catch up in a burst
            }
        }
    }

    public void stop() {
        if (running.get()) {
            stop.set(true);
            task.cancel();
            running.set(false);
            session = null;
        }
    }

    public void toggle() {
        if (running.get()) {
            stop();
        } else {
            start();
        }
    }

    /** Puts the model back on the true frames; its drift starts again. */
    public void resync() {
        resync.set(true);
    }
}
