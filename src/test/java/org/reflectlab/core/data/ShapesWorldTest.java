package org.reflectlab.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShapesWorldTest {

    private final ShapesWorld world = new ShapesWorld(DataSpec.defaults(7));

    @Test
    void sameSeedGivesIdenticalBytes() throws Exception {
        ShapesWorld again = new ShapesWorld(DataSpec.defaults(7));
        MessageDigest a = MessageDigest.getInstance("SHA-256");
        MessageDigest b = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < 200; i++) {
            a.update(world.image(i).toRgbBytes());
            a.update(world.sample(i).caption().text().getBytes());
            b.update(again.image(i).toRgbBytes());
            b.update(again.sample(i).caption().text().getBytes());
        }
        assertArrayEquals(a.digest(), b.digest());
    }

    @Test
    void samplesCanBeDrawnInAnyOrder() {
        Sample late = world.sample(123);
        world.sample(5);
        assertEquals(late, world.sample(123));
    }

    @Test
    void differentSeedsGiveDifferentData() {
        ShapesWorld other = new ShapesWorld(DataSpec.defaults(8));
        int same = 0;
        for (int i = 0; i < 50; i++) {
            if (world.sample(i).scene().equals(other.sample(i).scene())) {
                same++;
            }
        }
        assertTrue(same < 3, "seeds 7 and 8 produced " + same + " identical scenes of 50");
    }

    @Test
    void everySampleSatisfiesItsCaptionAndDescription() {
        for (int i = 0; i < 500; i++) {
            Sample s = world.sample(i);
            assertTrue(CaptionCheck.satisfies(s.caption(), s.scene()), "caption fails its scene: " + s);
            assertTrue(CaptionCheck.satisfies(s.description(), s.scene()), "description fails its scene: " + s);
            assertEquals(s.category(), s.caption().category(), "category of " + s.caption());
        }
    }

    @Test
    void roundTripParsesBackToTheCaptionedAttributes() {
        for (int i = 0; i < 1000; i++) {
            Sample s = world.sample(i);
            for (Caption c : List.of(s.caption(), s.description())) {
                ParseResult parsed = CaptionParser.parse(c.text());
                assertTrue(parsed.ok(), () -> c.text() + " -> " + parsed.error());
                assertEquals(c, parsed.caption(), c.text());
            }
        }
    }

    @Test
    void grammarCoversAllSixGenEvalCategories() {
        Map<Category, Integer> seen = new EnumMap<>(Category.class);
        for (int i = 0; i < 700; i++) {
            seen.merge(world.sample(i).category(), 1, Integer::sum);
        }
        for (Category c : Category.values()) {
            assertTrue(seen.getOrDefault(c, 0) > 50, "too few " + c + ": " + seen);
        }
        assertEquals("two circles", Caption.of(Clause.counted(2, Shape.CIRCLE)).text());
        assertEquals(Category.COUNTING, CaptionParser.parse("three squares").caption().category());
        assertEquals(Category.COLORS, CaptionParser.parse("a red circle").caption().category());
        assertEquals(Category.POSITION, CaptionParser.parse("a circle left of a square").caption().category());
        assertEquals(Category.COLOR_ATTRIBUTION, CaptionParser.parse("a red circle and a blue square").caption().category());
        assertEquals(Category.TWO_OBJECTS, CaptionParser.parse("a circle and a square").caption().category());
        assertEquals(Category.SINGLE_OBJECT, CaptionParser.parse("a diamond").caption().category());
        assertEquals(Category.DESCRIPTION, CaptionParser.parse("a small red circle at top left").caption().category());
    }

    @Test
    void fineDetailVariesButCaptionsDoNotCarryIt() {
        Set<Long> offsets = new HashSet<>();
        Set<Long> hues = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            for (SceneObject o : world.sample(i).scene().objects()) {
                offsets.add(Math.round(o.dx() * 100));
                hues.add(Math.round(o.hueJitter()));
                assertTrue(Math.abs(o.rotation()) <= SceneSampler.MAX_ROTATION);
                assertTrue(Math.abs(o.dx()) <= o.shape().maxOffset(o.size()) + 1e-9);
            }
        }
        assertTrue(offsets.size() > 10 && hues.size() > 10, "fine detail barely varies");
        SceneObject a = SceneObject.plain(Shape.CIRCLE, ShapeColor.RED, Size.LARGE, new Cell(0, 0));
        SceneObject b = new SceneObject(Shape.CIRCLE, ShapeColor.RED, Size.LARGE, new Cell(0, 0), 0.05, -0.05, 5, 10);
        assertEquals(SceneSampler.describe(Scene.of(a)), SceneSampler.describe(Scene.of(b)));
        assertFalse(SceneRenderer.render(Scene.of(a), 32).equals(SceneRenderer.render(Scene.of(b), 32)));
    }

    @Test
    void filteredWorldsOnlyDrawTheirCategory() {
        ShapesWorld counting = new ShapesWorld(DataSpec.defaults(3).withCategories(List.of(Category.COUNTING)));
        for (int i = 0; i < 50; i++) {
            Sample s = counting.sample(i);
            assertEquals(Category.COUNTING, s.category());
            assertTrue(s.scene().size() >= 2);
        }
    }

    @Test
    void vocabularyEncodesEveryCanonicalCaption() {
        for (int i = 0; i < 300; i++) {
            Caption d = world.sample(i).description();
            int[] ids = Vocabulary.encode(d);
            assertEquals(Vocabulary.MAX_TOKENS, ids.length);
            assertEquals(d.text(), Vocabulary.decode(ids));
        }
        assertNotEquals(Vocabulary.id("circle"), Vocabulary.id("circles"));
    }
}
