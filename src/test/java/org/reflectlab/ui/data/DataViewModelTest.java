package org.reflectlab.ui.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.concurrent.SynchronousTaskRunner;
import org.reflectlab.core.data.Category;
import org.reflectlab.ui.kit.RecordingNotifier;

class DataViewModelTest {

    private SynchronousTaskRunner runner;
    private RecordingNotifier notifier;
    private DataViewModel vm;

    @BeforeEach
    void setUp() {
        runner = new SynchronousTaskRunner();
        notifier = new RecordingNotifier();
        vm = new DataViewModel(runner, notifier);
        vm.refresh();
    }

    @Test
    void refreshDrawsTheRequestedSamples() {
        assertEquals(24, vm.samples().size());
        assertFalse(vm.loadingProperty().get());
        assertEquals(vm.samples().get(0), vm.selectedProperty().get());
        assertNotNull(vm.selectedAudioProperty().get());
        vm.countProperty().set(12);
        assertEquals(12, vm.samples().size());
    }

    @Test
    void seedDecidesTheSamples() {
        String first = vm.samples().get(0).sample().caption().text() + vm.samples().get(1).sample().caption().text();
        vm.seedProperty().set(2);
        String second = vm.samples().get(0).sample().caption().text() + vm.samples().get(1).sample().caption().text();
        vm.seedProperty().set(1);
        assertEquals(first, vm.samples().get(0).sample().caption().text() + vm.samples().get(1).sample().caption().text());
        assertNotEquals(first, second);
        int before = vm.seedProperty().get();
        vm.reseed();
        assertNotEquals(before, vm.seedProperty().get());
    }

    @Test
    void categoryFilterShowsOnlyThatCategory() {
        vm.categoryProperty().set(new CategoryFilter(Category.POSITION));
        assertTrue(vm.samples().stream().allMatch(c -> c.sample().category() == Category.POSITION));
        assertEquals(24, vm.samples().size());
    }

    @Test
    void unknownWordIsExplainedAndNothingIsRendered() {
        vm.caption().textProperty().set("a red circle");
        assertNotNull(vm.caption().imageProperty().get());
        vm.caption().textProperty().set("a purpel circle");
        assertEquals("'purpel' is not a known word; did you mean 'purple'?", vm.caption().errorProperty().get().message());
        assertNull(vm.caption().imageProperty().get(), "nothing rendered from an invalid caption");
        assertTrue(vm.caption().canApplySuggestion());
        vm.caption().applySuggestion();
        assertEquals("a purple circle", vm.caption().textProperty().get());
        assertNull(vm.caption().errorProperty().get());
        assertNotNull(vm.caption().imageProperty().get());
        assertEquals("colors · a purple circle", vm.caption().summaryProperty().get());
    }

    @Test
    void sameCaptionRendersTheSameImage() {
        vm.caption().textProperty().set("two circles");
        var first = vm.caption().imageProperty().get();
        vm.caption().textProperty().set("");
        assertNull(vm.caption().imageProperty().get());
        assertNull(vm.caption().errorProperty().get(), "an empty box is not an error");
        vm.caption().textProperty().set("two circles");
        assertEquals(first, vm.caption().imageProperty().get());
    }

    @Test
    void contradictoryCaptionIsRejected() {
        vm.caption().textProperty().set("a circle at right left of a square at left");
        assertNotNull(vm.caption().errorProperty().get());
        assertTrue(vm.caption().errorProperty().get().message().contains("No ShapesWorld scene"));
        assertNull(vm.caption().imageProperty().get());
    }

    @Test
    void exportWritesAPngAndSaysSo(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("grid.png");
        vm.exportGrid(target);
        assertTrue(Files.size(target) > 1000);
        byte[] magic = Files.readAllBytes(target);
        assertEquals((byte) 0x89, magic[0]);
        assertEquals('P', magic[1]);
        assertEquals(1, notifier.infos.size());
        assertFalse(vm.exportingProperty().get());
    }

    @Test
    void failedExportIsReportedAndLosesNothing(@TempDir Path dir) throws Exception {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "x");
        vm.exportGrid(blocker.resolve("grid.png"));
        assertEquals(1, notifier.errors.size());
        assertTrue(notifier.errors.get(0).startsWith("Export failed"), notifier.errors.get(0));
        assertEquals("x", Files.readString(blocker));
        assertEquals(24, vm.samples().size());
    }

    @Test
    void cancelledRefreshKeepsTheOldGrid() {
        var before = vm.samples().get(0);
        runner.cancelNextTask();
        vm.seedProperty().set(77);
        assertEquals(before, vm.samples().get(0));
        assertFalse(vm.loadingProperty().get());
    }

    @Test
    void withoutASoundDeviceTheWindowSaysSoInOneLine() {
        vm.setPlayer(clip -> {
            throw new javax.sound.sampled.LineUnavailableException("no audio output device: Line unsupported: PCM_SIGNED 22050.0 Hz");
        });
        vm.playSelected();
        assertEquals(DataViewModel.NO_SOUND.text(), vm.soundProblemProperty().get());
        assertFalse(vm.soundProblemProperty().get().contains("PCM"), "no raw Java error");
        assertTrue(notifier.errors.isEmpty(), "said in the window, not in a pop-up");
    }
}
