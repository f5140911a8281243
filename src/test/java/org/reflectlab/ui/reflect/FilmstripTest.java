package org.reflectlab.ui.reflect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import javafx.scene.Node;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.reflect.Iteration;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The filmstrip appends a running reflection's new iterations (the cells already there stay) and rebuilds on a new run. */
class FilmstripTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static Iteration it(int k, boolean judge) {
        return new Iteration(k, new RgbImage(4, 4), List.of(), List.of("the circle should be red but it is blue"),
                List.of(), List.of(), judge, List.of("wrong"), k * 8.0, 0, 1);
    }

    @Test
    void newIterationsAreAppendedAndANewRunRebuilds() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            IterationsViewModel steps = new IterationsViewModel();
            Filmstrip strip = new Filmstrip(steps);
            steps.arrived(List.of(it(1, false), it(2, false)));
            List<Node> first = List.copyOf(strip.getChildren());
            steps.arrived(List.of(it(3, true)));
            assertEquals(3, strip.getChildren().size());
            assertSame(first.get(0), strip.getChildren().get(0), "the cells already there are kept");
            assertSame(first.get(1), strip.getChildren().get(1));
            assertEquals(List.of("fix"), strip.getChildren().get(2).getStyleClass().stream().filter("fix"::equals).toList(),
                    "the appended cell is marked against the iteration before it");
            assertEquals(true, strip.getChildren().get(2).getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("chosen")),
                    "the newest is highlighted");
            steps.clear();
            assertEquals(0, strip.getChildren().size(), "a new run starts empty");
            steps.arrived(List.of(it(1, true)));
            assertNotSame(first.get(0), strip.getChildren().get(0));
            assertEquals(1, strip.getChildren().size());
        }).get();
    }
}
