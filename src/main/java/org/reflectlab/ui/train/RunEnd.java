package org.reflectlab.ui.train;

import org.reflectlab.ui.kit.I18n;
import org.reflectlab.core.train.TrainingLoop;

/** How a training run ended, as a type: the status line follows from it, never from message text. */
sealed interface RunEnd {

    /** The status line for this end. */
    I18n.Message status();

    /** Every step ran. */
    record Finished(long steps) implements RunEnd {
        @Override
        public I18n.Message status() {
            return new I18n.Message("train.status.finished", steps);
        }
    }

    /** Stopped by the user (or a cancel) before the last step; Start continues. */
    record Stopped(long step) implements RunEnd {
        @Override
        public I18n.Message status() {
            return new I18n.Message("train.status.stopped-at", step);
        }
    }

    /** Too many steps in a row were undone; the run gave up. */
    record Diverged(long step) implements RunEnd {
        @Override
        public I18n.Message status() {
            return new I18n.Message("train.status.diverged");
        }
    }

    static RunEnd of(TrainingLoop.Outcome outcome, long step) {
        return switch (outcome) {
            case FINISHED -> new Finished(step);
            case STOPPED -> new Stopped(step);
            case DIVERGED -> new Diverged(step);
        };
    }
}
