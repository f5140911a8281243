package org.reflectlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reflectlab.core.backend.BackendInfo;
import org.reflectlab.core.concurrent.SynchronousTaskRunner;
import org.reflectlab.core.settings.Settings;

class ShellViewModelTest {

    @TempDir
    Path home;

    private static final List<Workspace> WORKSPACES = List.of(
            new Workspace("a", "A", "", "", s -> null),
            new Workspace("b", "B", "", "", s -> null));

    @Test
    void remembersTheLastWorkspaceAndWindowBetweenRuns() {
        Path file = home.resolve("settings.properties");
        ShellViewModel first = new ShellViewModel(WORKSPACES, new SynchronousTaskRunner(), new Settings(file));
        assertEquals("a", first.selectedProperty().get().id());
        first.select(1);
        first.saveWindowState(new ShellViewModel.WindowState(10, 20, 1000, 700, false));

        ShellViewModel second = new ShellViewModel(WORKSPACES, new SynchronousTaskRunner(), new Settings(file));
        assertEquals("b", second.selectedProperty().get().id());
        assertEquals(new ShellViewModel.WindowState(10, 20, 1000, 700, false), second.windowState().orElseThrow());
    }

    @Test
    void unknownOrMissingSettingsFallBackToDefaults() {
        ShellViewModel vm = new ShellViewModel(WORKSPACES, new SynchronousTaskRunner(), new Settings(home.resolve("none")));
        assertEquals("a", vm.selectedProperty().get().id());
        assertTrue(vm.windowState().isEmpty());
    }

    @Test
    void backendStatusGoesFromStartingToTheSummary() {
        ShellViewModel vm = new ShellViewModel(WORKSPACES, new SynchronousTaskRunner(), new Settings(home.resolve("s")));
        assertEquals("Backend starting…", vm.backendStatusProperty().get());
        BackendInfo info = new BackendInfo("ND4J CPU", "OpenBLAS 0.3.19", "generic", List.of("AVX2"), 1, 2, 1, 1,
                java.util.Map.of(), 5);
        vm.startBackend(() -> info);
        assertTrue(vm.backendReadyProperty().get());
        assertEquals("ND4J CPU · OpenBLAS 0.3.19 · AVX2 · 1 compute thread of 2 cores", vm.backendStatusProperty().get());
    }

    @Test
    void backendFailureIsShownNotThrown() {
        ShellViewModel vm = new ShellViewModel(WORKSPACES, new SynchronousTaskRunner(), new Settings(home.resolve("s")));
        vm.startBackend(() -> {
            throw new UnsatisfiedLinkError("no jnind4jcpu in java.library.path");
        });
        assertFalse(vm.backendReadyProperty().get());
        assertTrue(vm.backendStatusProperty().get().startsWith("Backend failed to start: no jnind4jcpu"));
    }
}
