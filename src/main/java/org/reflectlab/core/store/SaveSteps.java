package org.reflectlab.core.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The disk steps of a safe save: atomic rename, fsync, removing temp and unreferenced files, undoing a failed save, and
 * saying why a save failed (a full disk named as such, with the kept model).
 */
final class SaveSteps {

    static final String TEMP_SUFFIX = ".tmp";

    private SaveSteps() {
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void fsync(Path path) throws IOException {
        boolean directory = Files.isDirectory(path);
        try (FileChannel ch = FileChannel.open(path, directory ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
            ch.force(true);
        } catch (IOException e) {
            if (!directory) {
                throw e;
            }
            // some file systems refuse to fsync a directory; the renames are still atomic
        }
    }

    static boolean isTemp(Path p) {
        return p.getFileName().toString().startsWith(".") && p.getFileName().toString().endsWith(TEMP_SUFFIX);
    }

    static void removeTempFiles(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, SaveSteps::isTemp)) {
            for (Path p : s) {
                Files.deleteIfExists(p);
            }
        }
    }

    static void removeUnreferenced(Path dir, Set<String> keep) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, Files::isRegularFile)) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                if (!n.equals(ModelStore.MANIFEST) && !keep.contains(n) && n.matches(".+-[0-9a-f]{12}\\.[A-Za-z0-9]+")) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException ignored) {
            // leftovers cost disk space only; the manifest decides what the model is
        }
    }

    /** Deletes what this save wrote, except files the current manifest still references. */
    static void cleanUpAfterFailedSave(Path dir, List<Path> written) {
        Set<String> referenced = Set.of();
        Path manifest = dir.resolve(ModelStore.MANIFEST);
        if (Files.isRegularFile(manifest)) {
            try {
                referenced = ManifestJson.read(manifest).files().keySet();
            } catch (ModelStoreException ignored) {
                referenced = Set.of();
            }
        }
        for (Path p : written) {
            if (!referenced.contains(p.getFileName().toString())) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort; temp files are also removed by the next save
                }
            }
        }
    }

    static ModelStoreException saveFailure(String name, Exception e) {
        String text = describe(e);
        boolean full = text.toLowerCase(Locale.ROOT).contains("no space left")
                || text.toLowerCase(Locale.ROOT).contains("disk quota");
        if (full) {
            return new ModelStoreException(ModelStoreException.Reason.DISK_FULL,
                    "Could not save model '" + name + "': the disk is full. Free some space and save again; "
                            + "the previously saved model is unchanged.", e);
        }
        return new ModelStoreException(ModelStoreException.Reason.WRITE_FAILED,
                "Could not save model '" + name + "': " + text + ". The previously saved model is unchanged.", e);
    }

    static String describe(Throwable e) {
        if (e instanceof NoSuchFileException n) {
            return "no such file " + n.getFile();
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
