package org.reflectlab.core.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * Small user settings (window bounds, last workspace) in a properties file, written atomically
 * (temp file + rename) so a crash never leaves it half-written. A missing or unreadable file
 * means defaults, never an error.
 */
public final class Settings {

    private final Path file;
    private final Properties values = new Properties();

    public Settings(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                values.clear();
            }
        }
    }

    public static Settings load() {
        return new Settings(AppPaths.home().resolve("settings.properties"));
    }

    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    public synchronized double getDouble(String key, double fallback) {
        try {
            return get(key).map(Double::parseDouble).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public synchronized void put(String key, String value) {
        values.setProperty(key, value);
    }

    public synchronized void put(String key, double value) {
        values.setProperty(key, Double.toString(value));
    }

    /** Writes the file; returns false (and changes nothing on disk) if that fails. */
    public synchronized boolean save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".settings-", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                values.store(out, "ReflectLab settings");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
