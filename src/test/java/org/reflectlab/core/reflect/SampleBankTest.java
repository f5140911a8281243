package org.reflectlab.core.reflect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.data.DataSpec;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.Sample;
import org.reflectlab.core.data.Scene;
import org.reflectlab.core.data.SceneObject;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.nn.detector.Detector;
import org.reflectlab.core.nn.detector.DetectorConfig;
import org.reflectlab.core.nn.generator.Generator;
import org.reflectlab.core.nn.generator.LatentCodec;
import org.reflectlab.core.nn.unified.UnifiedModel;
import org.reflectlab.core.train.StepResult;

/** The pixel-read bank of generated images: what it keeps, and that its unread shapes teach the shape head nothing. */
class SampleBankTest {

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    private static List<RgbImage> renders(int n) {
        ShapesWorld world = new ShapesWorld(DataSpec.defaults(3));
        List<RgbImage> out = new ArrayList<>();
        for (Sample s : world.samples(0, n)) {
            out.add(world.render(s.scene()));
        }
        return out;
    }

    @Test
    void readsPlaceColourAndSizeOfTrueRendersAndLeavesTheShapeUnread() {
        ShapesWorld world = new ShapesWorld(DataSpec.defaults(3));
        List<Sample> samples = world.samples(0, 40);
        int agreeing = 0;
        for (Sample s : samples) {
            Scene read = SampleBank.readable(world.render(s.scene()));
            if (read == null) {
                continue;
            }
            assertTrue(read.objects().stream().allMatch(o -> o.shape() == SampleBank.UNREAD_SHAPE));
            List<SceneObject> truth = s.scene().objects().stream()
                    .map(o -> SceneObject.plain(SampleBank.UNREAD_SHAPE, o.color(), o.size(), o.cell())).toList();
            agreeing += truth.equals(read.objects()) ? 1 : 0;
        }
        // the pixel reader is exact on crisp renders it is confident about
        assertTrue(agreeing >= 30, agreeing + " of 40");
    }

    @Test
    void keepsNothingFromAnEmptyImage() {
        RgbImage blank = new RgbImage(32, 32);
        assertNull(SampleBank.readable(blank));
        assertEquals(0, SampleBank.of(List.of(blank)).entries().size());
    }

    @Test
    void unreadShapesHaveAllZeroRowsAndKnownOnesAOneHot() {
        List<Scene> scenes = new ShapesWorld(DataSpec.defaults(5)).samples(0, 2).stream().map(Sample::scene).toList();
        Map<String, INDArray> labels = Detector.labels(scenes, new boolean[] {true, false});
        assertEquals(scenes.get(0).size(), labels.get("shape").slice(0).sumNumber().intValue());
        assertEquals(0, labels.get("shape").slice(1).sumNumber().intValue());
        assertEquals(scenes.get(1).size(), labels.get("color").slice(1).sumNumber().intValue());
        assertEquals(labels.get("present_mask"), Detector.labels(scenes).get("present_mask"));
    }

    @Test
    void aBatchOfBankImagesLeavesTheShapeLossAtZeroAndTrainsTheRest() {
        DetectorTraining t = new DetectorTraining(DetectorConfig.judge(), 5, 16, 4, 3e-3)
                .withSampleBank(SampleBank.of(renders(24)), 1.0);
        StepResult r = t.step();
        assertEquals(0.0, r.components().get("loss_shape"), 0.0);
        assertTrue(r.components().get("loss_color") > 0.1, r.components().toString());
        DetectorTraining plain = new DetectorTraining(DetectorConfig.judge(), 5, 16, 4, 3e-3);
        assertTrue(plain.step().components().get("loss_shape") > 0.1);
    }

    @Test
    void buildsFromAGeneratorDrawingEveryPromptAndSeedOnce() {
        UnifiedModel unified = TinyModels.unified();
        Generator g = TinyModels.generator(unified);
        LatentCodec codec = new LatentCodec(unified, g.params());
        SampleBank bank = SampleBank.build(g, codec, new SampleBank.Settings(5, 3, 2, 2.0, 9), Set.of(), () -> false);
        assertEquals(15, bank.drawn());
        assertTrue(bank.entries().size() <= 15);
        bank.entries().forEach(e -> assertTrue(e.read().objects().stream().allMatch(o -> o.shape() == SampleBank.UNREAD_SHAPE)));
    }
}
