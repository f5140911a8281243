package org.reflectlab.core.aphasia;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finished results by (model weights SHA-256, settings): the same model and settings give the same
 * numbers (everything is seeded), so a result can be shown again without re-running. A few are kept
 * in memory (each holds its scenes' images); with a folder, every result is also written there, so
 * reopening the app is instant too. A file that cannot be read is a miss (and is removed), never an
 * error. Thread-safe.
 */
public final class AphasiaCache {

    private static final int CAPACITY = 8;

    private final Path dir;
    private final Map<String, AphasiaResult> results = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, AphasiaResult> eldest) {
            return size() > CAPACITY;
        }
    };

    /** In memory only. */
    public AphasiaCache() {
        this(null);
    }

    /** In memory and in this folder (created when first needed). */
    public AphasiaCache(Path dir) {
        this.dir = dir;
    }

    public static String key(String modelSha, AphasiaSettings s) {
        return modelSha + "-seed" + s.seed() + "-n" + s.samples() + "-b" + s.resamples();
    }

    public synchronized AphasiaResult get(String modelSha, AphasiaSettings s) {
        String key = key(modelSha, s);
        AphasiaResult r = results.get(key);
        if (r == null && dir != null) {
            r = readFile(file(key));
            if (r != null) {
                results.put(key, r);
            }
        }
        return r;
    }

    public synchronized void put(AphasiaResult r) {
        String key = key(r.modelSha(), r.settings());
        results.put(key, r);
        if (dir != null) {
            writeFile(r, file(key));
        }
    }

    /** Results held in memory. */
    public synchronized int size() {
        return results.size();
    }

    private Path file(String key) {
        return dir.resolve(key.replaceAll("[^A-Za-z0-9._-]", "_") + ".aphasia");
    }

    private static AphasiaResult readFile(Path f) {
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(f)) {
            return ResultFile.read(in);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException ignored) {
                // a stale file is re-written by the next run
            }
            return null;
        }
    }

    /** Temp file then rename: a crash mid-write never leaves a half file under the real name. */
    private static void writeFile(AphasiaResult r, Path f) {
        try {
            Files.createDirectories(f.getParent());
            Path tmp = org.reflectlab.core.store.AtomicFile.tempFile(f.getParent(), "result", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ResultFile.write(r, out);
            }
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // the cache is an optimisation: the result is still shown and kept in memory
        }
    }
}
