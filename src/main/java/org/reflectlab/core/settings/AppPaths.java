package org.reflectlab.core.settings;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where ReflectLab keeps things. The user's home state (settings, experiment caches) lives in
 * ~/.reflectlab unless -Dreflectlab.home says otherwise (tests point it into target/). Shipped
 * models are read from ./models, or -Dreflectlab.models.
 */
public final class AppPaths {

    private AppPaths() {
    }

    public static Path home() {
        String p = System.getProperty("reflectlab.home");
        return p != null && !p.isBlank() ? Path.of(p) : Path.of(System.getProperty("user.home"), ".reflectlab");
    }

    /** Where scaling sweeps are stored, one folder each. */
    public static Path sweeps() {
        return home().resolve("sweeps");
    }

    public static Path models() {
        String p = System.getProperty("reflectlab.models");
        if (p != null && !p.isBlank()) {
            return Path.of(p);
        }
        Path here = Path.of("models");
        if (Files.isDirectory(here)) {
            return here.toAbsolutePath();
        }
        // An installed app image keeps models/ beside its lib/ folder.
        try {
            Path jar = Path.of(AppPaths.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path beside = jar.getParent().getParent().resolve("models");
            if (Files.isDirectory(beside)) {
                return beside;
            }
        } catch (Exception ignored) {
            // fall back to ./models, which the error message will name
        }
        return here.toAbsolutePath();
    }

    /** Where a trained model goes when its models folder cannot take it (a full disk): first choice first. */
    public static java.util.List<Path> rescueFolders() {
        return java.util.List.of(home().resolve("rescued"), Path.of(System.getProperty("java.io.tmpdir"), "reflectlab-rescued"));
    }
}
