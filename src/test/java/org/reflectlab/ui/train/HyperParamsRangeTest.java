package org.reflectlab.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.reflectlab.core.nn.unified.UnifiedConfig;
import org.reflectlab.core.train.TrainSettings;

/** The Train sheet accepts exactly what the settings records accept: one source of ranges. */
class HyperParamsRangeTest {

    @Test
    void theSheetsBoundsAreTheRecordsBounds() {
        HyperParams hp = new HyperParams();
        assertEquals(UnifiedConfig.WIDTH.max(), hp.get("width").max());
        assertEquals(TrainSettings.BATCH.max(), hp.get("batch").max());
        assertEquals(TrainSettings.LEARNING_RATE.min(), hp.get("learningRate").min());
        // the largest width the sheet accepts builds a config; one more is refused by both
        int w = (int) hp.get("width").max();
        UnifiedConfig ok = UnifiedConfig.defaults();
        new UnifiedConfig(ok.imageSize(), ok.patch(), w, ok.heads(), ok.imageDepth(), ok.textDepth(), ok.decoderDepth(),
                ok.captionDepth(), ok.latent(), 1, 1, 1, 0.2, 0.1);
        assertThrows(IllegalArgumentException.class, () -> new UnifiedConfig(ok.imageSize(), ok.patch(), w + 4, ok.heads(),
                ok.imageDepth(), ok.textDepth(), ok.decoderDepth(), ok.captionDepth(), ok.latent(), 1, 1, 1, 0.2, 0.1));
    }
}
