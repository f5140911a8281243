package org.reflectlab.core.reflect;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.reflectlab.core.data.Cell;
import org.reflectlab.core.data.PixelSceneReader;
import org.reflectlab.core.data.SceneObject;

/**
 * What each reader saw in one generated image: the critic's parsed scene, the judge's, and the
 * analytic pixel reader's blobs (colour, size and place, no shape), as labelled boxes, and where
 * they disagree, cell by cell. Readers agree at a cell when the critic and judge name the same
 * object there and the pixels show a blob of its colour and size (or all see nothing).
 */
public record ReaderComparison(List<Box> boxes, List<Disagreement> disagreements) {

    public static final String CRITIC = "critic";
    public static final String JUDGE = "judge";
    public static final String PIXELS = "pixels";

    /** One reader's object: centre and half-width in image units (0..1), and what the reader calls it. */
    public record Box(String reader, String label, double centerX, double centerY, double half) {
    }

    /** Readers that differ at one cell, and what each saw there. */
    public record Disagreement(Cell cell, String critic, String judge, String pixels) {

        public String describe() {
            return "at " + cell.words() + ": critic " + critic + ", judge " + judge + ", pixels " + pixels;
        }
    }

    public ReaderComparison {
        boxes = List.copyOf(boxes);
        disagreements = List.copyOf(disagreements);
    }

    public static ReaderComparison of(Iteration it) {
        return of(it.criticReading(), it.judgeReading(), PixelSceneReader.read(it.image()));
    }

    public static ReaderComparison of(List<SceneObject> critic, List<SceneObject> judge, List<PixelSceneReader.Blob> pixels) {
        List<Box> boxes = new ArrayList<>();
        critic.forEach(o -> boxes.add(box(CRITIC, o)));
        judge.forEach(o -> boxes.add(box(JUDGE, o)));
        for (PixelSceneReader.Blob b : pixels) {
            boxes.add(new Box(PIXELS, blob(b), b.centerX(), b.centerY(), b.size().radius() / Cell.GRID));
        }
        Set<Cell> cells = new LinkedHashSet<>();
        critic.forEach(o -> cells.add(o.cell()));
        judge.forEach(o -> cells.add(o.cell()));
        pixels.forEach(b -> cells.add(b.cell()));
        List<Disagreement> out = new ArrayList<>();
        for (Cell c : Cell.ALL) {
            if (!cells.contains(c)) {
                continue;
            }
            String cw = what(critic, c);
            String jw = what(judge, c);
            String pw = pixels.stream().filter(b -> b.cell().equals(c)).map(ReaderComparison::blob).reduce((a, b) -> a + " and " + b)
                    .orElse(NOTHING);
            if (!cw.equals(jw) || !agrees(pw, cw) || !agrees(pw, jw)) {
                out.add(new Disagreement(c, cw, jw, pw));
            }
        }
        return new ReaderComparison(boxes, out);
    }

    private static final String NOTHING = "nothing";

    private static Box box(String reader, SceneObject o) {
        return new Box(reader, o.size().word() + " " + o.color().word() + " " + o.shape().word(), o.centerX(), o.centerY(),
                o.size().radius() / Cell.GRID);
    }

    private static String blob(PixelSceneReader.Blob b) {
        return b.size().word() + " " + b.color().word() + " blob";
    }

    private static String what(List<SceneObject> objects, Cell c) {
        return objects.stream().filter(o -> o.cell().equals(c)).map(o -> o.size().word() + " " + o.color().word() + " " + o.shape().word())
                .reduce((a, b) -> a + " and " + b).orElse(NOTHING);
    }

    /** Pixels agree with a reader when both see nothing, or both see one object of the same size and colour. */
    private static boolean agrees(String pixels, String reader) {
        if (pixels.equals(NOTHING) || reader.equals(NOTHING)) {
            return pixels.equals(reader);
        }
        if (pixels.contains(" and ") || reader.contains(" and ")) {
            return false;
        }
        String[] p = pixels.split(" ");
        String[] r = reader.split(" ");
        return Objects.equals(p[0], r[0]) && Objects.equals(p[1], r[1]);
    }

    /** Whether the critic and the judge (the two that feed and score reflection) disagree anywhere. */
    public boolean criticAndJudgeDisagree() {
        return disagreements.stream().anyMatch(d -> !d.critic().equals(d.judge()));
    }
}
