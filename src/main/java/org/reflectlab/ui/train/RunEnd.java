package org.reflectlab.ui.train;

import java.util.Locale;
import org.reflectlab.core.train.TrainingLoop;

/** How a training run ended, as a type: the status line follows from it, never from message text. */
sealed interface RunEnd {

    /** The status line for this end. */
    String status();

    /** Every step ran. */
    record Finished(long steps) implements RunEnd {
        @Override
        public String status() {
            return String.format(Locale.ROOT, "Finished %d steps. Save the model, or Reset to start over.", steps);
        }
    }

    /** Stopped by the user (or a cancel) before the last step; Start continues. */
    record Stopped(long step) implements RunEnd {
        @Override
        public String status() {
            return "Stopped at step " + step + ". Start continues from here; Reset starts over.";
        }
    }

    /** Too many steps in a row were undone; the run gave up. */
    record Diverged(long step) implements RunEnd {
        @Override
        public String status() {
            return "Stopped: training diverged. Reset, lower the learning rate and start again.";
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
