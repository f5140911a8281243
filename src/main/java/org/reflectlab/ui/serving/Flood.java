package org.reflectlab.ui.serving;

import org.reflectlab.core.concurrent.BackgroundTask;
import org.reflectlab.core.serving.Modality;
import org.reflectlab.core.serving.SceneInputs;
import org.reflectlab.core.serving.ServingNode;
import org.reflectlab.ui.kit.I18n;

/**
 * Serving's flood as a task: count requests over every route at once, made and sent on a worker. The inputs are rendered
 * images and synthesized clips, and 200 of them held the FX thread for tens of milliseconds (a JFR recording of bench
 * ui's Serving tour put SceneAudio.synthesize on the FX thread); their replies only count in the metrics.
 */
final class Flood {

    private Flood() {
    }

    static BackgroundTask<Integer> of(ServingNode node, SceneInputs scenes, int count) {
        return BackgroundTask.of(I18n.tr("serving.task.flood", count), ctx -> {
            Modality[] ms = Modality.values();
            for (int i = 0; i < count && !ctx.isCancelled(); i++) {
                Modality in = ms[i % 3];
                node.request(in, scenes.input(in, i), ms[(i / 3) % 3]);
            }
            return count;
        });
    }
}
