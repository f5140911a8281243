package org.reflectlab.core.reflect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.CaptionParser;
import org.reflectlab.core.data.Cell;
import org.reflectlab.core.data.DataSpec;
import org.reflectlab.core.data.Scene;
import org.reflectlab.core.data.SceneObject;
import org.reflectlab.core.data.SceneRenderer;
import org.reflectlab.core.data.Shape;
import org.reflectlab.core.data.ShapeColor;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.data.Size;
import org.reflectlab.core.nn.NetworkIO;
import org.reflectlab.core.nn.detector.Detector;
import org.reflectlab.core.store.ModelStore;

/** The critic and judge shipped in models/, on renders they never saw. */
class ShippedDetectorsTest {

    private static Detector critic;
    private static Detector judge;

    @BeforeAll
    static void load() throws Exception {
        Backend.start(1);
        ModelStore store = new ModelStore(Path.of("models"));
        critic = NetworkIO.load(store, ReflectModels.CRITIC, Detector.NETWORK);
        judge = NetworkIO.load(store, ReflectModels.JUDGE, Detector.NETWORK);
    }

    @Test
    void judgeStaysAccurateOnAFreshHeldOutSet() {
        var m = DetectorTraining.evaluate(judge, new ShapesWorld(DataSpec.defaults(424_242)), 400, 3);
        // 0.957 for the judge shipped before 2026-12-07, 0.9475 for today's: it trains 3 in 4 examples on the
        // generator's output path (where it gained: 0.632 -> 0.722 exact scenes, `reflectlab audit`), so crisp
        // renders get a little less of its capacity
        assertTrue(m.get("scene_accuracy") >= 0.94, "judge scene accuracy " + m);
    }

    @Test
    void bothReadTheGeneratorsOutputPathFarBetterThanDetectorsTrainedOnRendersOnly() throws Exception {
        // Measured the same way (`reflectlab audit`, exact scene through the output path), the detectors
        // shipped before they saw generated images scored 0.534 (critic) and 0.515 (judge); see README, Reflect.
        Reflector r = ReflectModels.load(new ModelStore(Path.of("models")));
        OutputPath path = new OutputPath(r.codec(), r.generator());
        ShapesWorld world = new ShapesWorld(DataSpec.defaults(424_243));
        double c = DetectorAudit.decodePathAccuracy(critic, path, world, 256, 5);
        double j = DetectorAudit.decodePathAccuracy(judge, path, world, 256, 5);
        assertTrue(c >= 0.6, "critic on the output path " + c);
        assertTrue(j >= 0.6, "judge on the output path " + j);
    }

    @Test
    void theShippedLatentKeepsMostScenesAndAnUntrainedOneNone() throws Exception {
        // `reflectlab audit` on the 300 prompts: 0.840 for the shipped unified model (the decode path's judge: 0.790)
        var prompts = PromptSet.read(Path.of("assets/geneval-lite.json")).perCategory(10).prompts();
        var shipped = org.reflectlab.core.train.UnifiedModelIO.load(new ModelStore(Path.of("models")), "unified");
        double kept = DetectorAudit.latentCaptionScore(shipped, prompts, 777_001);
        assertTrue(kept >= 0.7, "shipped latent's captions " + kept);
        assertTrue(DetectorAudit.latentCaptionScore(TinyModels.unified(), prompts, 777_001) <= 0.1, "an untrained model reads nothing");
    }

    @Test
    void criticFeedbackNamesHandBuiltFlaws() {
        assertCritic("a red circle", Scene.of(o(Shape.CIRCLE, ShapeColor.BLUE, 1, 1)), "the circle should be red but it is blue");
        assertCritic("two squares", Scene.of(o(Shape.SQUARE, ShapeColor.GREEN, 0, 0)), "there should be two squares but only one exists");
        assertCritic("a square left of a triangle", Scene.of(o(Shape.TRIANGLE, ShapeColor.RED, 1, 0), o(Shape.SQUARE, ShapeColor.BLUE, 1, 2)),
                "the square should be left of the triangle but it is right of it");
        assertCritic("a red circle and a blue square", Scene.of(o(Shape.CIRCLE, ShapeColor.RED, 0, 0), o(Shape.SQUARE, ShapeColor.BLUE, 2, 2)),
                Feedback.CORRECT);
    }

    private static void assertCritic(String prompt, Scene scene, String expected) {
        Caption c = CaptionParser.parse(prompt).caption();
        List<SceneObject> seen = critic.read(List.of(SceneRenderer.render(scene, 32))).get(0);
        assertEquals(List.of(expected), Feedback.sentences(c, seen), "critic saw " + seen);
    }

    private static SceneObject o(Shape s, ShapeColor c, int row, int col) {
        return SceneObject.plain(s, c, Size.LARGE, new Cell(row, col));
    }
}
