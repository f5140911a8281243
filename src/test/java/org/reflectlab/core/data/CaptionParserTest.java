package org.reflectlab.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaptionParserTest {

    @Test
    void unknownWordIsNamedWithASuggestionAndItsSpan() {
        String text = "a purpel circle";
        ParseResult r = CaptionParser.parse(text);
        assertFalse(r.ok());
        assertEquals("'purpel' is not a known word; did you mean 'purple'?", r.error().message());
        assertEquals("purpel", text.substring(r.error().start(), r.error().end()));
        assertEquals("a purple circle", r.error().applySuggestion(text));
    }

    @Test
    void wordWithNoNeighbourGetsGuidanceInstead() {
        ParseResult r = CaptionParser.parse("a zebra");
        assertFalse(r.ok());
        assertNull(r.error().suggestion());
        assertTrue(r.error().message().startsWith("'zebra' is not a known word"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|Type a caption",
        "five circles|beyond ShapesWorld",
        "two circle|needs the plural",
        "a circles|needs the singular",
        "a red|Expected a shape",
        "a circle left a square|Write 'left of'",
        "a circle and a square and a triangle and a diamond|at most 3 objects",
        "two circles left of a square|links two single objects",
        "a circle at top left and a square at top left|can't both be at top left",
        "a circle at|needs a place",
        "a circle square|Unexpected 'square'",
        "zero circles|asks for none",
    })
    void badCaptionsSayWhatIsWrong(String text, String expected) {
        ParseResult r = CaptionParser.parse(text);
        assertFalse(r.ok(), text);
        assertTrue(r.error().message().contains(expected), r.error().message());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "A Red Circle.|a red circle",
        "an orange square|an orange square",
        "2 triangles|two triangles",
        "a circle at the middle|a circle at center",
        "a large blue diamond at bottom right|a large blue diamond at bottom right",
        "a circle at top left of a square|a circle at top left of a square",
        "a circle at top right of a square|a circle at top right of a square",
        "a circle above a square|a circle above a square",
    })
    void acceptedSpellingsNormaliseToCanonicalText(String text, String canonical) {
        ParseResult r = CaptionParser.parse(text);
        assertTrue(r.ok(), () -> String.valueOf(r.error()));
        assertEquals(canonical, r.caption().text());
        if (canonical.contains(" of ")) {
            // "at top left of a square": 'left of' is the relation, the circle's place is the top row
            assertEquals(Category.POSITION, r.caption().category());
            assertEquals(canonical.contains("left of") ? Relation.LEFT_OF : Relation.RIGHT_OF, r.caption().relation());
            assertEquals(0, r.caption().clauses().get(0).cell().row(), "the first object is on the top row");
        }
    }

    @Test
    void emojiAndSymbolsAreRefusedByNameInsteadOfDropped() {
        String text = "a red \uD83D\uDD34 circle";
        ParseResult r = CaptionParser.parse(text);
        assertFalse(r.ok(), "without the check this read as 'a red circle'");
        assertTrue(r.error().message().startsWith("The caption holds characters ShapesWorld cannot read: '\uD83D\uDD34' (U+1F534)"),
                r.error().message());
        assertEquals("\uD83D\uDD34", text.substring(r.error().start(), r.error().end()));
        assertTrue(CaptionParser.parse("A red circle, left of a blue square!").ok(), "plain punctuation is still fine");
    }

    @Test
    void realizedScenesSatisfyTheirCaption() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (String text : new String[] {"two circles", "a red circle left of a blue square", "a triangle below a diamond",
                "three diamonds", "a small green circle at center and a large red square at top left"}) {
            Caption c = CaptionParser.parse(text).caption();
            for (int i = 0; i < 20; i++) {
                Scene s = SceneSampler.realize(c, rnd).orElseThrow();
                assertTrue(CaptionCheck.satisfies(c, s), text + " vs " + s);
            }
        }
    }

    @Test
    void contradictoryPlacesCannotBeRealized() {
        Caption c = CaptionParser.parse("a circle at right left of a square at left").caption();
        assertTrue(SceneSampler.realize(c, new SplittableRandom(1)).isEmpty());
    }

    @Test
    void checkFollowsGenEvalSemantics() {
        Scene twoRedCirclesAndSquare = Scene.of(
                SceneObject.plain(Shape.CIRCLE, ShapeColor.RED, Size.LARGE, new Cell(0, 0)),
                SceneObject.plain(Shape.CIRCLE, ShapeColor.RED, Size.SMALL, new Cell(0, 2)),
                SceneObject.plain(Shape.SQUARE, ShapeColor.BLUE, Size.SMALL, new Cell(2, 1)));
        assertTrue(check("a circle", twoRedCirclesAndSquare));
        assertTrue(check("two circles", twoRedCirclesAndSquare));
        assertFalse(check("three circles", twoRedCirclesAndSquare));
        assertFalse(check("two squares", twoRedCirclesAndSquare));
        assertTrue(check("a blue square", twoRedCirclesAndSquare));
        assertFalse(check("a red square", twoRedCirclesAndSquare));
        assertTrue(check("a circle above a square", twoRedCirclesAndSquare));
        assertFalse(check("a circle below a square", twoRedCirclesAndSquare));
        assertTrue(check("a red circle and a blue square", twoRedCirclesAndSquare));
        assertFalse(check("a blue circle and a red square", twoRedCirclesAndSquare));
        assertFalse(check("a large red circle at top left", twoRedCirclesAndSquare), "descriptions are exhaustive");
    }

    private static boolean check(String text, Scene scene) {
        return CaptionCheck.satisfies(CaptionParser.parse(text).caption(), scene);
    }
}
