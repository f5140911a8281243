package org.reflectlab.ui.train;

import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.reflectlab.core.train.SamplePanel;
import org.reflectlab.core.train.UnifiedTraining;
import org.reflectlab.ui.kit.PointStream;

/**
 * What the user watches of a run: the step out of the total, the loss and quality charts, the
 * tiles and the latest samples. Changed on the UI thread only; the run feeds it coalesced.
 */
public final class TrainMonitor {

    private final ReadOnlyLongWrapper step = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper totalSteps = new ReadOnlyLongWrapper();
    private final ReadOnlyObjectWrapper<SamplePanel> samples = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper resets = new ReadOnlyLongWrapper();
    private final TrainCharts charts = new TrainCharts();
    private final TrainTiles tiles = new TrainTiles();

    /** Scalars the tiles show, coalesced: only the newest reaches the UI thread. */
    record Tick(long step, double loss, long nanos) {
    }

    void tick(Tick t, int batchSize) {
        step.set(t.step());
        tiles.tick(t.step(), t.loss(), t.nanos(), batchSize, totalSteps.get());
    }

    /** Empties charts, tiles and samples; views clear what they drew. */
    void clear() {
        charts.clear();
        step.set(0);
        tiles.reset();
        samples.set(null);
        resets.set(resets.get() + 1);
    }

    /** Shows a run that exists already (loaded or resumed): its step, its total and, if asked, its history. */
    void show(UnifiedTraining t, boolean replayHistory) {
        totalSteps.set(t.settings().steps());
        step.set(t.completedSteps());
        if (replayHistory) {
            var h = t.history();
            charts.replay(h);
            tiles.evals(List.copyOf(h.evals().entrySet()));
            if (h.size() > 0) {
                tiles.loss(h.value(0, h.size() - 1));
            }
        }
    }

    void totalSteps(long n) {
        totalSteps.set(n);
    }

    void samples(SamplePanel p) {
        samples.set(p);
    }

    TrainCharts charts() {
        return charts;
    }

    // Properties //

    public ReadOnlyLongProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty totalStepsProperty() {
        return totalSteps.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SamplePanel> samplesProperty() {
        return samples.getReadOnlyProperty();
    }

    /** Increments when the run is forgotten (Reset, a new run, a loaded model), so views clear their charts. */
    public ReadOnlyLongProperty resetsProperty() {
        return resets.getReadOnlyProperty();
    }

    /** Speed, loss, accuracy, PSNR, elapsed time and ETA for the tiles. */
    public TrainTiles tiles() {
        return tiles;
    }

    public Map<String, PointStream> lossStreams() {
        return charts.losses();
    }

    public Map<String, PointStream> qualityStreams() {
        return charts.quality();
    }
}
