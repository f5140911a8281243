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
import org.reflectlab.core.text.Phrase;

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
    private final List<Phrase> notes = new ArrayList<>();
    /** Keys of the rows in results.csv, read at the first append. */
    private java.util.Set<String> stored;
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
     * Starts a new sweep folder, or reopens it when its settings and models match (to resume), and
     * locks it until {@link #close()}. A torn last line is cut back (see the class comment). Rows
     * are never mixed or discarded: a sweep run on other models, or a folder whose rows have lost
     * their {@code sweep.json}, is refused with a {@link Conflict} and left as it is.
     */
    public static SweepStore open(Path dir, SweepSettings settings, Map<String, Object> models) throws IOException {
        SweepStore store;
        if (Files.exists(dir.resolve(SETTINGS))) {
            store = read(dir);
            if (!store.settings.equals(settings)) {
                throw new Conflict("The sweep in " + dir + " was run with other settings (" + store.settings.describe()
                        + "); choose another name to start a new one.");
            }
            String changed = changedModels(store.info.get("models"), models);
            if (changed != null) {
                throw new Conflict("The sweep '" + store.name() + "' was run on other models (" + changed + "); resuming it "
                        + "would mix their results. Choose another name to start a new sweep on these models.");
            }
            store.lock();
        } else {
            refuseOrphanRows(dir);
            Files.createDirectories(dir);
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("settings", settings.describe());
            info.put("models", models);
            info.put("started", Instant.now().toString());
            store = new SweepStore(dir, settings, info);
            store.lock();
            try {
                AtomicFile.write(dir.resolve(SETTINGS), out -> out.write(JSON.writeValueAsBytes(info)));
                AtomicFile.writeText(dir.resolve(RESULTS), w -> w.write(SweepRow.HEADER + "\n"));
            } catch (IOException | RuntimeException e) {
                store.close();
                throw e;
            }
        }
        try {
            store.repairTornLine();
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    /** Refused before anything is written: the sweep's name or stored state does not fit this run. Bad input, not a failure. */
    public static final class Conflict extends IOException {
        Conflict(String message) {
            super(message);
        }
    }

    /** results.csv with rows but no sweep.json: what they were run with is unknown, so they are neither resumed nor replaced. */
    private static void refuseOrphanRows(Path dir) throws IOException {
        Path results = dir.resolve(RESULTS);
        if (!Files.exists(results)) {
            return;
        }
        long rows;
        try (Stream<String> lines = Files.lines(results, StandardCharsets.UTF_8)) {
            rows = lines.filter(l -> !l.isBlank() && !l.equals(SweepRow.HEADER)).count();
        } catch (java.io.UncheckedIOException e) {
            rows = -1; // not even readable as text: still rows someone may want back
        }
        if (rows != 0) {
            throw new Conflict("The sweep folder " + dir + " holds " + (rows > 0 ? rows + " rows" : "rows") + " in " + RESULTS
                    + " but no " + SETTINGS + ", so the settings and models they came from are unknown; nothing was changed. "
                    + "Restore " + SETTINGS + ", move the folder away, or choose another name.");
        }
    }

    /**
     * Null when the models a sweep was run on are those given now; otherwise "name: was abc123def456, now 0f1e2d3c4b5a"
     * for each that differs. A sweep file without models (from before they were recorded) cannot be checked.
     */
    static String changedModels(Object stored, Map<String, Object> now) {
        if (!(stored instanceof Map<?, ?> was)) {
            return null;
        }
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        was.keySet().forEach(k -> names.add(String.valueOf(k)));
        names.addAll(now.keySet());
        List<String> diffs = new ArrayList<>();
        for (String name : names) {
            String before = was.containsKey(name) ? String.valueOf(was.get(name)) : null;
            String after = now.containsKey(name) ? String.valueOf(now.get(name)) : null;
            if (!java.util.Objects.equals(before, after)) {
                diffs.add(name + ": was " + shortSha(before) + ", now " + shortSha(after));
            }
        }
        return diffs.isEmpty() ? null : String.join("; ", diffs);
    }

    private static String shortSha(String sha) {
        return sha == null ? "absent" : sha.isEmpty() ? "(none)" : sha.substring(0, Math.min(12, sha.length()));
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
            notes.add(new Phrase("scaling.note.torn", f.toString(), size - keep, dir.resolve(TORN).toString()));
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
    public List<Phrase> notes() {
        return List.copyOf(notes);
    }

    /**
     * Appends the rows not stored yet, on a fresh line, and syncs them to disk before returning the
     * number appended. A prompt that runs again (its last row was torn, or a worker's job ran twice)
     * thus adds only what is missing: the file holds each row once. A failed write names the file
     * and keeps every row stored before it.
     */
    public synchronized int append(List<SweepRow> rows) throws IOException {
        if (stored == null) {
            stored = new java.util.HashSet<>();
            load().rows().forEach(r -> stored.add(key(r)));
        }
        StringBuilder sb = new StringBuilder();
        List<String> added = new ArrayList<>();
        for (SweepRow r : rows) {
            if (!stored.contains(key(r)) && !added.contains(key(r))) {
                added.add(key(r));
                sb.append(r.toCsv()).append('\n');
            }
        }
        if (added.isEmpty()) {
            return 0;
        }
        Path f = dir.resolve(RESULTS);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE)) {
            if (ch.size() > 0 && lastByte(ch) != '\n') {
                sb.insert(0, '\n'); // an earlier append was cut short: never glue onto its fragment
            }
            ch.position(ch.size());
            ByteBuffer buf = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(false);
        } catch (IOException e) {
            throw new IOException("Could not add rows to " + f + ": " + AtomicFile.reason(e) + ". The " + stored.size()
                    + " rows stored before are kept; run the sweep again with the same name to resume.", e);
        }
        stored.addAll(added);
        return added.size();
    }

    private static String key(SweepRow r) {
        return r.promptId() + "|" + r.method().id() + "|" + r.k();
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
                byKey.put(key(r), r);
            } catch (RuntimeException bad) {
                skipped.add("line " + (i + 1) + ": " + (bad.getMessage() == null ? "unreadable" : bad.getMessage()));
            }
        }
        return new Loaded(List.copyOf(byKey.values()), List.copyOf(skipped));
    }
}
