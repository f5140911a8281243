package org.reflectlab.core.scaling;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.reflectlab.core.reflect.PromptSet;
import org.reflectlab.core.text.Phrase;

/**
 * One run of a sweep as the app and the CLI both do it: the store's notes, progress in images
 * with an ETA and what early stop saved, a report at most once per period (the CLI prints it, the
 * app redraws its charts from the rows stored so far), and the rows as stored at the end. Callers
 * only observe it; a sweep that fails throws, and a periodic read of the rows that fails is
 * reported, never swallowed.
 */
public final class SweepSession {

    /**
     * Where a sweep stands.
     *
     * @param imagesDone       images drawn so far in this run
     * @param imagesAtMost     the most this run can draw: shrinks as early stops are known, so it ends equal to done
     * @param savedByEarlyStop images the bound held at the start that early stop made unnecessary
     * @param seconds          time since the run started
     * @param what             what finished last (method, prompt, worker, job board)
     */
    public record Progress(long imagesDone, long imagesAtMost, long savedByEarlyStop, double seconds, Phrase what) {

        public double fraction() {
            return imagesAtMost == 0 ? 1 : imagesDone / (double) imagesAtMost;
        }

        /** Seconds left at the pace so far; NaN before the first image. */
        public double etaSeconds() {
            return imagesDone > 0 ? seconds / imagesDone * (imagesAtMost - imagesDone) : Double.NaN;
        }

        /** "120 of at most 1,380 images, ETA 3m 20s, early stop saved 40". */
        public Phrase summary() {
            return new Phrase("scaling.progress", imagesDone, imagesAtMost,
                    imagesDone > 0 ? new Phrase("scaling.progress.eta", duration(etaSeconds())) : Phrase.none(),
                    savedByEarlyStop > 0 ? new Phrase("scaling.progress.saved", savedByEarlyStop) : Phrase.none());
        }
    }

    /** What the caller sees; every method is called on the sweep's thread. */
    public interface Observer {

        /** A note from the store (e.g. that the sweep resumes), once at the start. */
        default void note(Phrase note) {
        }

        /** After every stored method of every prompt. */
        default void progress(Progress p) {
        }

        /** At the first image drawn, then at most once per period. */
        default void periodic(Progress p) {
        }

        /** With every periodic report, when the session reads rows: the rows stored so far. */
        default void rowsSoFar(SweepStore.Loaded rows) {
        }

        /** A periodic read of the rows failed; the sweep goes on and the final read decides. */
        default void rowsUnreadable(IOException e) {
        }
    }

    /**
     * How a run ended.
     *
     * @param written          rows stored by this run
     * @param loaded           every row of the store, read after the run
     * @param imagesDrawn      images this run drew
     * @param savedByEarlyStop images early stop made unnecessary
     * @param stopped          the run was cancelled; what finished is stored and the same name resumes it
     */
    public record Outcome(int written, SweepStore.Loaded loaded, long imagesDrawn, long savedByEarlyStop, double seconds,
                          boolean stopped) {

        /** "1,680 answers (4,000 images drawn; early stop saved 1,100)". */
        public Phrase summary() {
            return new Phrase("scaling.outcome", loaded.rows().size(), imagesDrawn,
                    savedByEarlyStop > 0 ? new Phrase("scaling.outcome.saved", savedByEarlyStop) : Phrase.none());
        }
    }

    private final Sweep sweep;
    private final Duration period;
    private final boolean readRows;

    /**
     * @param period   how often {@link Observer#periodic} is called
     * @param readRows whether each periodic report also reads the rows stored so far (for live charts)
     */
    public SweepSession(Sweep sweep, Duration period, boolean readRows) {
        this.sweep = sweep;
        this.period = period;
        this.readRows = readRows;
    }

    public Sweep sweep() {
        return sweep;
    }

    public Outcome run(SweepStore store, List<PromptSet.Prompt> prompts, Observer observer, BooleanSupplier cancelled)
            throws IOException {
        store.notes().forEach(observer::note);
        long t0 = System.nanoTime();
        long[] lastReport = {0};
        long[] bound = {-1};
        Progress[] last = {new Progress(0, 0, 0, 0, Phrase.none())};
        int written = sweep.run(store, prompts, (done, total, what) -> {
            long now = System.nanoTime();
            if (bound[0] < 0) {
                bound[0] = total;
            }
            Progress p = new Progress(done, total, bound[0] - total, (now - t0) / 1e9, what);
            last[0] = p;
            observer.progress(p);
            if (done > 0 && (lastReport[0] == 0 || now - lastReport[0] >= period.toNanos())) {
                lastReport[0] = now;
                observer.periodic(p);
                if (readRows) {
                    try {
                        observer.rowsSoFar(store.load());
                    } catch (IOException e) {
                        observer.rowsUnreadable(e);
                    }
                }
            }
        }, cancelled);
        return new Outcome(written, store.load(), last[0].imagesDone(), last[0].savedByEarlyStop(), (System.nanoTime() - t0) / 1e9,
                cancelled.getAsBoolean());
    }

    /** "45 s", "3m 20s", "1h 02m"; "?" when not finite. */
    public static Phrase duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return new Phrase("scaling.duration.unknown");
        }
        long s = Math.round(seconds);
        return s >= 3600 ? new Phrase("scaling.duration.hours", s / 3600, s % 3600 / 60)
                : s >= 60 ? new Phrase("scaling.duration.minutes", s / 60, s % 60) : new Phrase("scaling.duration.seconds", s);
    }
}
