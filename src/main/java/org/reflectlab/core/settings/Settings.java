package org.reflectlab.core.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Small user settings (window bounds, last workspace) in a properties file, written atomically
 * (temp file + rename) so a crash never leaves it half-written. A missing or unreadable file
 * means defaults, never an error. With {@link #autosave} every change is written shortly after it
 * is made (changes within the delay share one write), so a killed process loses at most that delay.
 */
public final class Settings {

    private final Path file;
    private final Properties values = new Properties();
    private final java.util.List<String> refused = new java.util.ArrayList<>();
    private ScheduledExecutorService writer;
    private long delayMs;
    private ScheduledFuture<?> pending;
    private int writes;

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
        if (!value.equals(values.setProperty(key, value))) {
            changed();
        }
    }

    /** Every value, sorted by key (for an experiment file). */
    public synchronized java.util.SortedMap<String, String> snapshot() {
        java.util.SortedMap<String, String> out = new java.util.TreeMap<>();
        values.stringPropertyNames().forEach(k -> out.put(k, values.getProperty(k)));
        return out;
    }

    public synchronized void put(String key, double value) {
        put(key, Double.toString(value));
    }

    /**
     * Writes the file {@code delayMs} after a change (on a daemon thread of its own), and once more
     * when the JVM shuts down (SIGTERM, exit). Returns this.
     */
    public synchronized Settings autosave(long delayMs) {
        if (writer == null) {
            writer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "settings-writer");
                t.setDaemon(true);
                return t;
            });
            Runtime.getRuntime().addShutdownHook(new Thread(this::save, "settings-on-exit"));
        }
        this.delayMs = delayMs;
        return this;
    }

    /** How many times the file was written (for tests of the debounce). */
    public synchronized int writes() {
        return writes;
    }

    private void changed() {
        // one write in flight at a time: changes made while it waits are written with it
        if (writer != null && (pending == null || pending.isDone())) {
            pending = writer.schedule(this::save, delayMs, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * A stored value its workspace does not accept (out of its control's range, unparsable): it is
     * dropped, so the default stays and is what gets saved, and noted once for {@link #takeRefused()}.
     */
    public synchronized void refuse(String key, String why) {
        String text = values.getProperty(key);
        values.remove(key);
        refused.add(key + "=" + cut(text) + " (" + why + ")");
        changed();
    }

    /** The values refused since the last call, as "key=value (why)"; empty when none. */
    public synchronized java.util.List<String> takeRefused() {
        java.util.List<String> out = java.util.List.copyOf(refused);
        refused.clear();
        return out;
    }

    private static String cut(String text) {
        return text == null ? "" : text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    /** Writes the file; returns false (and changes nothing on disk) if that fails. */
    public synchronized boolean save() {
        pending = null; // a change from now on needs a write of its own
        try {
            Files.createDirectories(file.getParent());
            Path tmp = org.reflectlab.core.store.AtomicFile.tempFile(file.getParent(), ".settings-", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                values.store(out, "ReflectLab settings");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            writes++;
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
