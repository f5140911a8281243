package org.reflectlab.core.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.data.AudioClip;
import org.reflectlab.core.data.Cell;
import org.reflectlab.core.data.Sample;
import org.reflectlab.core.data.Scene;
import org.reflectlab.core.data.SceneAudio;
import org.reflectlab.core.data.SceneObject;
import org.reflectlab.core.data.Shape;
import org.reflectlab.core.data.ShapeColor;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.data.Size;

class SpectrumSceneReaderTest {

    private final SpectrumSceneReader reader = SpectrumSceneReader.get();

    static Set<String> plain(Scene s) {
        return s.objects().stream().map(SceneObject::describe).collect(Collectors.toSet());
    }

    @Test
    void readsAPlainSceneExactly() {
        Scene s = Scene.of(SceneObject.plain(Shape.SQUARE, ShapeColor.RED, Size.LARGE, new Cell(0, 0)),
                SceneObject.plain(Shape.TRIANGLE, ShapeColor.BLUE, Size.SMALL, new Cell(2, 2)));
        assertEquals(plain(s), plain(reader.read(SceneAudio.synthesize(s))));
    }

    @Test
    void readsMostShapesWorldClipsWithTheirFineDetail() {
        ShapesWorld world = new ShapesWorld(org.reflectlab.core.data.DataSpec.defaults(7));
        List<Sample> samples = world.samples(10_000, 200);
        int exact = 0;
        int objects = 0;
        int objectsRight = 0;
        for (Sample sample : samples) {
            Set<String> truth = plain(sample.scene());
            Set<String> read = plain(reader.read(SceneAudio.synthesize(sample.scene())));
            exact += truth.equals(read) ? 1 : 0;
            objects += truth.size();
            objectsRight += (int) truth.stream().filter(read::contains).count();
        }
        System.out.printf("spectrum reader: %d/200 scenes exact, %d/%d objects%n", exact, objectsRight, objects);
        assertTrue(exact >= 170, "exact scenes: " + exact + "/200");
    }

    @Test
    void silenceAndWrongRatesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> reader.read(new AudioClip(16_000, new float[8000], new float[8000])));
        assertThrows(IllegalArgumentException.class, () -> reader.read(new AudioClip(8_000, new float[10], new float[10])));
    }
}
