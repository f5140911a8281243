package org.reflectlab.core.reflect;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reflectlab.core.data.ImageGrid;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.SceneObject;

/** A reflection run as JSON (prompt, seed, settings, every iteration's feedback, verdicts, NFE) and as a PNG strip. */
public final class RunExport {

    private RunExport() {
    }

    public static Map<String, Object> toMap(ReflectionRun run, Compute compute) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("prompt", run.prompt().text());
        m.put("category", run.prompt().category().key());
        m.put("seed", run.settings().seed());
        m.put("k", run.settings().k());
        m.put("samplingSteps", run.settings().samplingSteps());
        m.put("guidance", run.settings().guidance());
        m.put("contextSize", run.settings().contextSize());
        m.put("earlyStop", run.settings().earlyStop());
        m.put("stoppedEarly", run.stoppedEarly());
        m.put("cancelled", run.cancelled());
        m.put("nfe", round(run.nfe()));
        m.put("judgeCorrect", run.last() != null && run.last().judgeCorrect());
        m.put("compute", compute.describe());
        List<Map<String, Object>> its = new ArrayList<>();
        for (Iteration it : run.iterations()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("k", it.k());
            e.put("feedback", it.feedback());
            e.put("criticSees", describe(it.criticReading()));
            e.put("contextFrom", it.contextFrom());
            Map<String, Object> judge = new LinkedHashMap<>();
            judge.put("correct", it.judgeCorrect());
            judge.put("category", run.prompt().category().key());
            judge.put("checks", it.judgeChecks());
            judge.put("sees", describe(it.judgeReading()));
            e.put("judge", judge);
            e.put("nfe", round(it.nfe()));
            e.put("changeFromPrevious", round(it.change()));
            e.put("millis", it.millis());
            its.add(e);
        }
        m.put("iterations", its);
        return m;
    }

    public static void writeJson(Map<String, Object> map, Path file) throws IOException {
        org.reflectlab.core.store.AtomicFile.writeJson(file, map);
    }

    /** The iterations' images in one row, each scaled up 3x with a gap. */
    public static BufferedImage strip(List<Iteration> iterations) {
        List<RgbImage> images = iterations.stream().map(Iteration::image).toList();
        return ImageGrid.compose(images, Math.max(1, images.size()), 3, 4, 0.2f);
    }

    static List<String> describe(List<SceneObject> objects) {
        return objects.stream().map(SceneObject::describe).toList();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
