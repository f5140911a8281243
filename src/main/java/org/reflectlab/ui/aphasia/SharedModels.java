package org.reflectlab.ui.aphasia;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.reflectlab.core.aphasia.AphasiaModels;
import org.reflectlab.core.concurrent.TaskContext;
import org.reflectlab.ui.kit.I18n;

/**
 * The unified model and judge the round trip and the memory experiment share: loaded once, and
 * used by one experiment at a time (networks are not thread-safe), so each experiment can have
 * its own busy flag while the other waits for the models, still cancellable.
 */
final class SharedModels {

    /** Work on the models. */
    interface Use<T> {
        T run(AphasiaModels models) throws Exception;
    }

    private final Callable<AphasiaModels> loader;
    private final ReentrantLock lock = new ReentrantLock();
    private AphasiaModels models;
    /** An experiment used the models since their buffers were last given back (guarded by the lock). */
    private boolean usedSinceTrim;

    SharedModels(Callable<AphasiaModels> loader) {
        this.loader = loader;
    }

    <T> T use(TaskContext ctx, Use<T> use) throws Exception {
        if (!lock.tryLock()) {
            ctx.message(I18n.tr("aphasia.task.waiting"));
            while (!lock.tryLock(100, TimeUnit.MILLISECONDS)) {
                ctx.checkCancelled();
            }
        }
        try {
            if (models == null) {
                ctx.message(I18n.tr("aphasia.task.loading"));
                models = loader.call();
            }
            usedSinceTrim = true;
            return use.run(models);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Drops the models unless an experiment is using them now (then they stay, and the next release tries again). The
     * unified model may be the app's shared copy: its working buffers, grown to this workspace's batches, go with it.
     */
    void release() {
        if (lock.tryLock()) {
            try {
                if (models != null) {
                    models.unified().dropWorkingBuffers();
                }
                models = null;
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Hidden: the working buffers the experiments grew in the (shared) unified model go at once, the models stay; nothing
     * while an experiment uses them, and only once per use (the same model may be working for a workspace shown now).
     * Whether it let go of anything.
     */
    boolean trim() {
        if (!lock.tryLock()) {
            return false;
        }
        try {
            if (models == null || !usedSinceTrim) {
                return false;
            }
            usedSinceTrim = false;
            boolean held = models.unified().holdsWorkingBuffers();
            models.unified().dropWorkingBuffers();
            return held;
        } finally {
            lock.unlock();
        }
    }

    boolean loaded() {
        return models != null;
    }
}
