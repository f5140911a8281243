package org.reflectlab.core.aphasia;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.store.ModelStoreException;

/** The round trip on the shipped unified model and judge, on a few held-out scenes. */
class RoundTripTest {

    private static AphasiaModels models;
    private static AphasiaResult result;

    @BeforeAll
    static void run() throws Exception {
        Backend.start(1);
        models = AphasiaModels.load(new ModelStore(Path.of("models")), "unified");
        result = models.run(new AphasiaSettings(3, 60, 200), RoundTrip.SILENT);
    }

    @Test
    void theVisualPathKeepsFineDetailThatTextCannotCarry() {
        MetricSummary fine = result.summary(Metric.FINE);
        assertTrue(fine.gap().low() > 0, "fine-position gap " + fine.gap());
        assertTrue(result.psnr().visual().mean() > result.psnr().textual().mean(), "PSNR " + result.psnr());
        // the judge reads true renders almost perfectly: the ceiling the attribute scores are measured under
        assertTrue(result.summary(Metric.COLOR).original().mean() > 0.95);
        for (MetricSummary m : result.metrics()) {
            for (Route r : List.of(Route.VISUAL, Route.TEXTUAL)) {
                MetricSummary.Interval i = m.of(r);
                assertTrue(i.low() <= i.mean() && i.mean() <= i.high(), m.metric() + " " + r + " " + i);
            }
        }
    }

    @Test
    void retrievalIsMeasuredOnTheSameScenes() {
        Retrieval q = result.retrieval();
        assertEquals(60, q.n());
        assertTrue(q.imageToTextAt1() > 0.5 && q.imageToTextAt5() >= q.imageToTextAt1(), q.toString());
        assertTrue(q.sameModalityShare() >= 0 && q.sameModalityShare() <= 1);
    }

    @Test
    void sameSeedSameNumbers() {
        AphasiaResult again = models.run(new AphasiaSettings(3, 60, 200), RoundTrip.SILENT);
        for (int i = 0; i < 60; i++) {
            assertEquals(result.samples().get(i).readCaption(), again.samples().get(i).readCaption());
            assertArrayEquals(result.samples().get(i).scores()[Route.TEXTUAL.ordinal()],
                    again.samples().get(i).scores()[Route.TEXTUAL.ordinal()]);
        }
        assertEquals(result.summary(Metric.FINE).gap(), again.summary(Metric.FINE).gap());
    }

    @Test
    void cancellingStopsBetweenBatchesAndReportsProgress() {
        List<Integer> done = new ArrayList<>();
        RoundTrip.Listener stopAfterFirst = new RoundTrip.Listener() {
            @Override
            public void progress(int d, int total) {
                done.add(d);
            }

            @Override
            public void checkCancelled() {
                if (done.size() > 1) {
                    throw new CancellationException("cancelled");
                }
            }
        };
        assertThrows(CancellationException.class, () -> models.run(AphasiaSettings.of(1, 200), stopAfterFirst));
        assertEquals(List.of(0, RoundTrip.BATCH), done);
    }

    @Test
    void exportsWriteEveryRow(@TempDir Path dir) throws Exception {
        AphasiaExport.writeSummaryCsv(result, dir.resolve("s.csv"));
        AphasiaExport.writeSamplesCsv(result, dir.resolve("p.csv"));
        List<String> summary = Files.readAllLines(dir.resolve("s.csv"));
        assertTrue(summary.contains("section,metric,series,value,low,high"));
        assertTrue(summary.stream().anyMatch(l -> l.startsWith("fidelity,fine,gap,")));
        assertEquals(61, Files.readAllLines(dir.resolve("p.csv")).size());
    }

    @Test
    void theDiskCacheGivesBackTheSameResultAndTreatsDamageAsAMiss(@TempDir Path dir) throws Exception {
        new AphasiaCache(dir).put(result);
        AphasiaResult back = new AphasiaCache(dir).get(result.modelSha(), result.settings());
        assertEquals(result.metrics(), back.metrics(), "summaries recomputed from the stored scores");
        assertEquals(result.psnr(), back.psnr());
        assertEquals(result.retrieval(), back.retrieval());
        assertEquals(result.samples().get(5).readCaption(), back.samples().get(5).readCaption());
        assertEquals(result.samples().get(5).judged(Route.TEXTUAL), back.samples().get(5).judged(Route.TEXTUAL));
        assertEquals(result.samples().get(5).truth(), back.samples().get(5).truth());
        assertTrue(Fidelity.similarity(result.samples().get(5).visual(), back.samples().get(5).visual()) > 0.995, "8-bit images");
        assertEquals(null, new AphasiaCache(dir).get("other-sha", result.settings()));

        Path file;
        try (var files = Files.list(dir)) {
            file = files.filter(f -> f.toString().endsWith(".aphasia")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertEquals(null, new AphasiaCache(dir).get(result.modelSha(), result.settings()));
        assertTrue(Files.notExists(file), "a damaged file is removed");
    }

    @Test
    void badSettingsAndMissingModelsSayWhatToDo(@TempDir Path empty) {
        assertThrows(IllegalArgumentException.class, () -> AphasiaSettings.of(1, 1));
        assertThrows(IllegalArgumentException.class, () -> AphasiaSettings.of(-1, 10));
        ModelStoreException e = assertThrows(ModelStoreException.class, () -> AphasiaModels.load(new ModelStore(empty), "unified"));
        assertTrue(e.getMessage().contains("reflectlab train unified"), e.getMessage());
    }
}
