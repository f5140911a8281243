package org.reflectlab.core.scaling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.reflectlab.core.store.AtomicFile;
import org.reflectlab.core.store.Names;

/**
 * A sweep on disk, so it survives a cancel or a crash and can be compared with later ones: a
 * folder holding {@code sweep.json} (settings, models, start time) and {@code results.csv} (one
 * row per scored image, appended and synced after every prompt).
 *
 * <p>A crash can leave the last line of results.csv incomplete. Opening a sweep to run it cuts the
 * file back to its last complete line, keeps the cut bytes in {@code results.torn} and says so in
 * {@link #notes()}; its prompt simply runs again. Every append starts on a fresh line, and a line
 * that cannot be read is reported by {@link #load()}, never silently dropped. A sweep being run is
 * locked ({@code .lock}), so two runs of the same sweep cannot write every row twice.
 */
public final class SweepStore implements AutoCloseable {

    public static final String SETTINGS = "sweep.json";
    public static final String RESULTS = "results.csv";
    /** Where the bytes of an incomplete last line go when the file is cut back. */
    public static final String TORN = "results.torn";
    private static final String LOCK = ".lock";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The readable rows (the last one wins when a prompt ran twice) and a line for each one that was not. */
    public record Loaded(List<SweepRow> rows, List<String> skipped) {
    }

    private final Path dir;
    private final SweepSettings settings;
    private final Map<String, Object> info;
    private final List<String> notes = new ArrayList<>();
    private FileChannel lockChannel;
    private FileLock lock;

    private SweepStore(Path dir, SweepSettings settings, Map<String, Object> info) {
        this.dir = dir;
        this.settings = settings;
        this.info = info;
    }

    /** As {@link #open(Path, SweepSettings, Map)} for the sweep called {@code name} under {@code root}; the name must be plain. */
    public static SweepStore open(Path root, String name, SweepSettings settings, Map<String, Object> models) throws IOException {
        return open(root.resolve(Names.check(name, "The sweep name")), settings, models);
    }

    /**
     * Starts a new sweep folder, or reopens it when its settings match (to resume), and locks it
     * until {@link #close()}. A torn last line is cut back (see the class comment).
     */
    public static SweepStore open(Path dir, SweepSettings settings, Map<String, Object> models) throws IOException {
        SweepStore store;
        if (Files.exists(dir.resolve(SETTINGS))) {
            store = read(dir);
            if (!store.settings.equals(settings)) {
                throw new IOException("The sweep in " + dir + " was run with other settings (" + store.settings.describe()
                        + "); choose another name to start a new one.");
            }
            store.lock();
        } else {
            Files.createDirectories(dir);
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("settings", settings.describe());
            info.put("models", models);
            info.put("started", Instant.now().toString());
            store = new SweepStore(dir, settings, info);
            store.lock();
            AtomicFile.write(dir.resolve(SETTINGS), out -> out.write(JSON.writeValueAsBytes(info)));
            Files.writeString(dir.resolve(RESULTS), SweepRow.HEADER + "\n");
        }
        try {
            store.repairTornLine();
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    private void lock() throws IOException {
        lockChannel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            lockChannel = null;
            throw new IOException("The sweep '" + name() + "' is being run by another process or window; wait for it to "
                    + "finish, or choose another name.");
        }
    }

    /** Releases the lock; the rows stay readable. */
    @Override
    public synchronized void close() throws IOException {
        if (lockChannel != null) {
            lockChannel.close(); // releases the lock
            lockChannel = null;
            lock = null;
        }
    }

    /** Cuts results.csv back to its last complete line; the cut bytes go to results.torn. */
    private void repairTornLine() throws IOException {
        Path f = dir.resolve(RESULTS);
        if (!Files.exists(f)) {
            return;
        }
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            if (size == 0 || lastByte(ch) == '\n') {
                return;
            }
            long keep = size;
            ByteBuffer one = ByteBuffer.allocate(1);
            while (keep > 0) {
                one.clear();
                ch.read(one, keep - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                keep--;
            }
            ByteBuffer cut = ByteBuffer.allocate(Math.toIntExact(size - keep));
            ch.read(cut, keep);
            byte[] bytes = java.util.Arrays.copyOf(cut.array(), cut.position() + 1);
            bytes[bytes.length - 1] = '\n';
            Files.write(dir.resolve(TORN), bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ch.truncate(keep);
            ch.force(true);
            notes.add(String.format("%s had an incomplete last line (%d bytes, probably from a crash); it was cut off and "
                    + "kept in %s. Its prompt runs again.", f, size - keep, dir.resolve(TORN)));
        }
    }

    private static int lastByte(FileChannel ch) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        ch.read(one, ch.size() - 1);
        return one.get(0);
    }

    @SuppressWarnings("unchecked")
    public static SweepStore read(Path dir) throws IOException {
        Path f = dir.resolve(SETTINGS);
        if (!Files.exists(f)) {
            throw new IOException("No sweep in " + dir + " (" + SETTINGS + " is missing).");
        }
        Map<String, Object> info;
        try {
            info = JSON.readValue(f.toFile(), Map.class);
        } catch (JsonProcessingException e) {
            throw new IOException("The sweep file " + f + " is unreadable: " + e.getOriginalMessage(), e);
        }
        try {
            return new SweepStore(dir, SweepSettings.fromMap((Map<String, Object>) info.get("settings")), info);
        } catch (RuntimeException e) {
            throw new IOException("The sweep file " + f + " is unreadable: its settings are incomplete or invalid ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ").", e);
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

    /** What opening the sweep repaired, for the user to read (empty when nothing was). */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** Appends rows, on a fresh line, and syncs them to disk before returning. */
    public synchronized void append(List<SweepRow> rows) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (SweepRow r : rows) {
            sb.append(r.toCsv()).append('\n');
        }
        try (FileChannel ch = FileChannel.open(dir.resolve(RESULTS), StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.CREATE)) {
            if (ch.size() > 0 && lastByte(ch) != '\n') {
                sb.insert(0, '\n'); // an earlier append was cut short: never glue onto its fragment
            }
            ch.position(ch.size());
            ByteBuffer buf = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(false);
        }
    }

    /** Every complete row; the last one wins when a prompt ran twice (after a crash). */
    public List<SweepRow> rows() throws IOException {
        return load().rows();
    }

    /** The rows, and "line N: why" for every line that could not be read. */
    public Loaded load() throws IOException {
        Path f = dir.resolve(RESULTS);
        if (!Files.exists(f)) {
            return new Loaded(List.of(), List.of());
        }
        Map<String, SweepRow> byKey = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || (i == 0 && line.equals(SweepRow.HEADER))) {
                continue;
            }
            try {
                SweepRow r = SweepRow.parse(line);
                byKey.put(r.promptId() + "|" + r.method().id() + "|" + r.k(), r);
            } catch (RuntimeException bad) {
                skipped.add("line " + (i + 1) + ": " + (bad.getMessage() == null ? "unreadable" : bad.getMessage()));
            }
        }
        return new Loaded(List.copyOf(byKey.values()), List.copyOf(skipped));
    }
}
