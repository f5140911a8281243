package org.reflectlab.core.aphasia;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.data.Cell;
import org.reflectlab.core.data.PixelSceneReader;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.Scene;
import org.reflectlab.core.data.SceneObject;
import org.reflectlab.core.data.Shape;
import org.reflectlab.core.data.ShapeColor;
import org.reflectlab.core.data.Size;
import org.reflectlab.core.nn.detector.SceneReader;
import org.reflectlab.core.nn.unified.UnifiedModel;
import org.reflectlab.core.reflect.TinyModels;
import org.reflectlab.core.store.ModelStore;

/** Telephone on a tiny untrained model (the machinery) and on the shipped one (what it measures). */
class TelephoneTest {

    private static final Telephone.Settings TINY = new Telephone.Settings(2, 7, 3, 100);
    private static UnifiedModel tiny;

    @BeforeAll
    static void start() {
        Backend.start(1);
        tiny = TinyModels.unified();
    }

    /** A stand-in judge: the analytic pixel reader, every blob read as a circle. */
    static SceneReader pixelJudge() {
        return new SceneReader() {
            @Override
            public List<List<SceneObject>> read(List<RgbImage> images) {
                List<List<SceneObject>> out = new ArrayList<>();
                for (RgbImage img : images) {
                    out.add(PixelSceneReader.read(img).stream()
                            .map(b -> SceneObject.plain(Shape.CIRCLE, b.color(), b.size(), b.cell())).toList());
                }
                return out;
            }

            @Override
            public long forwardFlops() {
                return 1;
            }
        };
    }

    @Test
    void everyChainHasItsRoundsAndTheCurvesStartAtTheOriginal() {
        Telephone.Result r = Telephone.run(tiny, pixelJudge(), "tiny", "abc", TINY, RoundTrip.SILENT);
        assertEquals(7, r.chains().size());
        for (Telephone.Chain c : r.chains()) {
            for (Telephone.Path p : Telephone.Path.values()) {
                assertEquals(4, c.of(p).size(), "round 0 and three rounds");
                assertEquals(c.trueCaption(), c.of(p).get(0).caption());
            }
            assertTrue(c.latent().stream().skip(1).allMatch(f -> f.caption().isEmpty()));
        }
        for (Metric m : Telephone.ATTRIBUTES) {
            // round 0 is the original on both paths; fine position of the original against itself is exact
            assertEquals(r.at(Telephone.Path.WORDS, 0, m), r.at(Telephone.Path.LATENT, 0, m));
            for (Telephone.Path p : Telephone.Path.values()) {
                for (int round = 0; round <= 3; round++) {
                    MetricSummary.Interval i = r.at(p, round, m);
                    assertTrue(i.low() <= i.mean() && i.mean() <= i.high() && i.mean() >= 0 && i.mean() <= 1, p + " " + m + " " + i);
                }
            }
        }
        assertEquals(1.0, r.at(Telephone.Path.WORDS, 0, Metric.FINE).mean(), 1e-9);
        // an untrained model draws noise: its fine position is gone after one round on both paths
        assertEquals(1, r.firstLost(Telephone.Path.WORDS, Metric.FINE));
        assertEquals(1, r.firstLost(Telephone.Path.LATENT, Metric.FINE));
        assertEquals(Telephone.ATTRIBUTES.size(), r.lossOrder(Telephone.Path.WORDS).size());
        List<String> table = TelephoneTables.lines(r);
        assertTrue(table.stream().anyMatch(l -> l.startsWith("lost first to last") && l.contains("fine position (round 1)")), table.toString());
    }

    @Test
    void sameSeedSameNumbersAndCancellationStopsBetweenRounds() {
        Telephone.Result a = Telephone.run(tiny, pixelJudge(), "tiny", "abc", TINY, RoundTrip.SILENT);
        Telephone.Result b = Telephone.run(tiny, pixelJudge(), "tiny", "abc", TINY, RoundTrip.SILENT);
        for (int i = 0; i < 7; i++) {
            for (int round = 0; round <= 3; round++) {
                assertEquals(a.chains().get(i).words().get(round).caption(), b.chains().get(i).words().get(round).caption());
                assertArrayEquals(a.chains().get(i).words().get(round).scores(), b.chains().get(i).words().get(round).scores());
            }
        }
        List<Integer> done = new ArrayList<>();
        RoundTrip.Listener stop = new RoundTrip.Listener() {
            @Override
            public void progress(int d, int total) {
                done.add(d);
                assertEquals(21, total);
            }

            @Override
            public void checkCancelled() {
                if (done.size() > 2) {
                    throw new CancellationException("cancelled");
                }
            }
        };
        assertThrows(CancellationException.class, () -> Telephone.run(tiny, pixelJudge(), "tiny", "abc", TINY, stop));
        assertEquals(List.of(0, 7, 14), done);
    }

    @Test
    void settingsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> Telephone.Settings.of(1, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> Telephone.Settings.of(1, 10, Telephone.MAX_ROUNDS + 1));
        assertThrows(IllegalArgumentException.class, () -> Telephone.Settings.of(1, 1, 3));
        assertThrows(IllegalArgumentException.class, () -> Telephone.Settings.of(-1, 10, 3));
    }

    @Test
    void whatIsLostNamesTheAttributeThatWasRightBeforeAndWrongNow() {
        SceneObject red = SceneObject.plain(Shape.CIRCLE, ShapeColor.RED, Size.LARGE, new Cell(1, 1));
        SceneObject sq = SceneObject.plain(Shape.SQUARE, ShapeColor.BLUE, Size.SMALL, new Cell(0, 0));
        Scene truth = Scene.of(sq, red); // objects in reading order: top-left square first
        Telephone.Frame before = new Telephone.Frame("", true, null, List.of(red, sq.withShape(Shape.CIRCLE)), new double[0], List.of());
        List<String> lost = Telephone.lost(truth, before, List.of(red.withColor(ShapeColor.BLUE), sq.withSize(Size.LARGE)),
                new double[] {3.0, 0.2}, new double[] {0.3, 0.1});
        assertEquals(List.of("fine position of the small blue square", "size of the small blue square (now large)",
                "color of the large red circle (now blue)"), lost);
        // the square's shape was already wrong before: not lost in this round; a vanished object is named once
        assertEquals(List.of("the large red circle (gone from " + new Cell(1, 1).words() + ")"),
                Telephone.lost(truth, before, List.of(sq), new double[] {0.3, 0.2}, new double[] {0.3, 0.1}));
    }

    @Test
    void onTheShippedModelWordsLoseFinePositionInTheFirstRoundAndTheLatentKeepsIt() throws Exception {
        AphasiaModels m = AphasiaModels.load(new ModelStore(Path.of("models")), "unified");
        Telephone.Result r = Telephone.run(m.unified(), m.judge(), m.name(), m.sha256(), new Telephone.Settings(1, 40, 2, 200), RoundTrip.SILENT);
        double words = r.at(Telephone.Path.WORDS, 1, Metric.FINE).mean();
        double latent = r.at(Telephone.Path.LATENT, 1, Metric.FINE).mean();
        assertTrue(words < 0.6 && latent > 0.7 && words < latent, "fine position after one round: words " + words + ", latent " + latent);
        assertEquals(1, r.firstLost(Telephone.Path.WORDS, Metric.FINE));
        assertTrue(r.at(Telephone.Path.WORDS, 2, Metric.COLOR).mean() > 0.9, "color survives two rounds of words");
    }
}
