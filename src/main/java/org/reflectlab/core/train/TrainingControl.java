package org.reflectlab.core.train;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Pause, resume and stop for a training loop on another thread. The loop checks between steps,
 * so a step always completes and the model is never left half-updated.
 */
public final class TrainingControl {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition resumed = lock.newCondition();
    private boolean paused;
    private volatile boolean stopped;

    public void pause() {
        lock.lock();
        try {
            paused = true;
        } finally {
            lock.unlock();
        }
    }

    public void resume() {
        lock.lock();
        try {
            paused = false;
            resumed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public void stop() {
        stopped = true;
        resume();
    }

    public boolean isPaused() {
        lock.lock();
        try {
            return paused;
        } finally {
            lock.unlock();
        }
    }

    public boolean isStopped() {
        return stopped;
    }

    /** Blocks while paused; returns false if the run should stop. */
    public boolean awaitRunnable() throws InterruptedException {
        lock.lock();
        try {
            while (paused && !stopped) {
                resumed.await();
            }
            return !stopped;
        } finally {
            lock.unlock();
        }
    }
}
