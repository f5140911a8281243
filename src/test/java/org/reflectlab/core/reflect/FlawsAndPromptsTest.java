package org.reflectlab.core.reflect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.CaptionCheck;
import org.reflectlab.core.data.Category;
import org.reflectlab.core.data.Scene;
import org.reflectlab.core.data.SceneSampler;

class FlawsAndPromptsTest {

    @Test
    void flawsBreakThePromptAndNothingElseMuch() {
        SplittableRandom r = new SplittableRandom(5);
        int broken = 0;
        for (int i = 0; i < 600; i++) {
            Category c = Category.GENEVAL.get(i % 6);
            Caption prompt = SceneSampler.randomCaption(c, r);
            Scene good = SceneSampler.realize(prompt, r).orElseThrow();
            var bad = Flaws.corrupt(prompt, good, r);
            if (bad.isPresent()) {
                broken++;
                assertFalse(CaptionCheck.satisfies(prompt, bad.get()), prompt + " / " + bad.get());
                assertNotEquals(good, bad.get());
                assertFalse(Feedback.isCorrect(Feedback.sentences(prompt, bad.get().objects())));
            }
        }
        assertTrue(broken > 590, "almost every scene can be broken: " + broken);
    }

    @Test
    void promptSetCoversTheSixCategoriesAndRoundTrips(@TempDir Path dir) throws IOException {
        PromptSet set = PromptSet.generate(1, 20);
        assertEquals(120, set.prompts().size());
        for (Category c : Category.GENEVAL) {
            assertEquals(20, set.prompts().stream().filter(p -> p.category() == c).count());
        }
        Path f = dir.resolve("p.json");
        set.write(f);
        PromptSet back = PromptSet.read(f);
        assertEquals(set.prompts(), back.prompts());
        assertEquals(12, back.perCategory(2).prompts().size());
    }

    @Test
    void badPromptFilesAreRejectedWithTheReason(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"prompts\":[{\"id\":\"x\",\"category\":\"colors\",\"prompt\":\"a purpel circle\"}]}");
        IOException e = assertThrows(IOException.class, () -> PromptSet.read(f));
        assertTrue(e.getMessage().contains("purpel"), e.getMessage());
        Files.writeString(f, "{\"prompts\":[{\"id\":\"x\",\"category\":\"counting\",\"prompt\":\"a red circle\"}]}");
        e = assertThrows(IOException.class, () -> PromptSet.read(f));
        assertTrue(e.getMessage().contains("filed under counting"), e.getMessage());
    }

    @Test
    void shippedPromptSetIsValid() throws IOException {
        PromptSet set = PromptSet.read(Path.of("assets/geneval-lite.json"));
        assertEquals(300, set.prompts().size());
        // the app builds the same set in code (an installed app has no assets folder)
        assertEquals(PromptSet.generate(set.seed(), 50).prompts(), set.prompts());
    }
}
