package org.reflectlab.core.scaling;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A sweep on disk, so it survives a cancel or a crash and can be compared with later ones: a
 * folder holding {@code sweep.json} (settings, models, start time) and {@code results.csv} (one
 * row per scored image, appended and synced after every prompt). A half-written last line from a
 * crash is skipped on reading, and its prompt simply runs again.
 */
public final class SweepStore {

    public static final String SETTINGS = "sweep.json";
    public static final String RESULTS = "results.csv";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final SweepSettings settings;
    private final Map<String, Object> info;

    private SweepStore(Path dir, SweepSettings settings, Map<String, Object> info) {
        this.dir = dir;
        this.settings = settings;
        this.info = info;
    }

    /** Starts a new sweep folder, or reopens it when its settings match (to resume). */
    public static SweepStore open(Path dir, SweepSettings settings, Map<String, Object> models) throws IOException {
        if (Files.exists(dir.resolve(SETTINGS))) {
            SweepStore existing = read(dir);
            if (!existing.settings.equals(settings)) {
                throw new IOException("The sweep in " + dir + " was run with other settings (" + existing.settings.describe()
                        + "); choose another name to start a new one.");
            }
            return existing;
        }
        Files.createDirectories(dir);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("settings", settings.describe());
        info.put("models", models);
        info.put("started", Instant.now().toString());
        Path tmp = dir.resolve(SETTINGS + ".tmp");
        Files.writeString(tmp, JSON.writeValueAsString(info));
        Files.move(tmp, dir.resolve(SETTINGS), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve(RESULTS), SweepRow.HEADER + "\n");
        return new SweepStore(dir, settings, info);
    }

    @SuppressWarnings("unchecked")
    public static SweepStore read(Path dir) throws IOException {
        Path f = dir.resolve(SETTINGS);
        if (!Files.exists(f)) {
            throw new IOException("No sweep in " + dir + " (" + SETTINGS + " is missing).");
        }
        Map<String, Object> info = JSON.readValue(f.toFile(), Map.class);
        try {
            return new SweepStore(dir, SweepSettings.fromMap((Map<String, Object>) info.get("settings")), info);
        } catch (RuntimeException e) {
            throw new IOException("The sweep settings in " + f + " are unreadable: " + e.getMessage(), e);
        }
    }

    /** Sweeps under a folder, newest first. */
    public static List<SweepStore> list(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<SweepStore> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            s.filter(p -> Files.exists(p.resolve(SETTINGS))).forEach(p -> {
                try {
                    out.add(read(p));
                } catch (IOException skipped) {
                    // an unreadable folder is not a sweep to offer
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(Comparator.comparing(SweepStore::started).reversed());
        return out;
    }

    public String name() {
        return dir.getFileName().toString();
    }

    public Path dir() {
        return dir;
    }

    public SweepSettings settings() {
        return settings;
    }

    public String started() {
        return String.valueOf(info.getOrDefault("started", ""));
    }

    public Map<String, Object> info() {
        return info;
    }

    /** Appends rows and syncs them to disk before returning. */
    public synchronized void append(List<SweepRow> rows) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (SweepRow r : rows) {
            sb.append(r.toCsv()).append('\n');
        }
        try (FileChannel ch = FileChannel.open(dir.resolve(RESULTS), StandardOpenOption.APPEND, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8)));
            ch.force(false);
        }
    }

    /** Every complete row; the last one wins when a prompt ran twice (after a crash). */
    public List<SweepRow> rows() throws IOException {
        Path f = dir.resolve(RESULTS);
        if (!Files.exists(f)) {
            return List.of();
        }
        Map<String, SweepRow> byKey = new LinkedHashMap<>();
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("prompt_id,")) {
                continue;
            }
            try {
                SweepRow r = SweepRow.parse(line);
                byKey.put(r.promptId() + "|" + r.method().id() + "|" + r.k(), r);
            } catch (RuntimeException partialLine) {
                // a line cut short by a crash: its prompt is redone on resume
            }
        }
        return List.copyOf(byKey.values());
    }
}
