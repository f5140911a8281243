package org.reflectlab.core.aphasia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.store.ModelStore;

/** Describe-from-memory on the shipped unified model (frozen) and judge, with a few posters. */
class MemoryExperimentTest {

    private static AphasiaModels models;

    @BeforeAll
    static void load() throws Exception {
        Backend.start(1);
        models = AphasiaModels.load(new ModelStore(Path.of("models")), "unified");
    }

    @Test
    void namesLearnTheirPostersAndBothRecallsAreScored() {
        double before = models.unified().params().get("dec/out/w").sumNumber().doubleValue();
        MemoryExperiment.Result r = MemoryExperiment.run(models.unified(), models.judge(),
                new MemoryExperiment.Settings(1, 6, 2, 60, 0.05),
                RoundTrip.SILENT);
        assertEquals(before, models.unified().params().get("dec/out/w").sumNumber().doubleValue(), 0.0, "the shipped model is never changed");
        assertTrue(r.finalImageLoss() < 0.75 * r.initialImageLoss(), "the names learn their posters: image loss "
                + r.initialImageLoss() + " -> " + r.finalImageLoss());
        assertEquals(4, r.imageOnly().posters());
        assertEquals(2, r.captionTrained().posters());
        for (MemoryExperiment.Recall x : r.recalls()) {
            assertEquals(x.name() < 2, x.captionTrained(), "the first names are the caption-trained ones, reported apart");
            double v = MemoryExperiment.error(x.visual());
            assertTrue(v >= 0 && v <= 1);
        }
        assertTrue(MemoryExperiment.table(r).get(3).startsWith("image-only names"));
    }

    @Test
    void aDescriptionIsScoredPhraseByPhrase() {
        var truth = org.reflectlab.core.data.CaptionParser.parse("a small red circle at top left and a large blue square at center");
        var scene = new org.reflectlab.core.data.Scene(truth.caption().clauses().stream()
                .map(c -> org.reflectlab.core.data.SceneObject.plain(c.shape(), c.color(), c.size(), c.cell())).toList());
        double[] right = MemoryExperiment.textualScores(scene, truth);
        assertEquals(0.0, MemoryExperiment.error(right));
        double[] wrongColor = MemoryExperiment.textualScores(scene, org.reflectlab.core.data.CaptionParser.parse(
                "a small green circle at top left and a large blue square at center"));
        assertEquals(0.5, wrongColor[Metric.COLOR.ordinal()]);
        assertEquals(1.0, MemoryExperiment.error(MemoryExperiment.textualScores(scene, org.reflectlab.core.data.CaptionParser.parse("at"))));
    }

    @Test
    void settingsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new MemoryExperiment.Settings(1, 4, 4, 10, 0.01));
        assertThrows(IllegalArgumentException.class, () -> new MemoryExperiment.Settings(1, 1, 0, 10, 0.01));
    }
}
