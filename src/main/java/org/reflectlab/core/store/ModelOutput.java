package org.reflectlab.core.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * The model a training run will save, held from before its first step to its save. Reserving
 * checks that the models folder can take the model (a folder, writable, room for about the bytes
 * the run will write) and locks the name, so a second run to the same name is refused at once
 * instead of one run's model silently replacing the other's. A save the models folder cannot take
 * after all (the disk filled up meanwhile) goes to a rescue folder, and the error says where.
 *
 * <p>The lock is a hidden {@code .<name>.lock} file beside the model folders; it is never deleted
 * (deleting a lock file races with a run that opened it just before).
 */
public final class ModelOutput implements AutoCloseable {

    /** Saves the model into a store (the models folder, or a rescue folder). */
    @FunctionalInterface
    public interface Save {
        Manifest into(ModelStore store) throws ModelStoreException;
    }

    private final ModelStore store;
    private final String name;
    private FileChannel channel;

    private final List<String> cleaned;

    private ModelOutput(ModelStore store, String name, FileChannel channel, List<String> cleaned) {
        this.store = store;
        this.name = name;
        this.channel = channel;
        this.cleaned = List.copyOf(cleaned);
    }

    /** What reserving cleaned up in the models folder (see {@link ModelStore#removeLeftovers()}), for the user to read. */
    public List<String> cleaned() {
        return cleaned;
    }

    /**
     * Checks the models folder and locks {@code name} for this run. Throws with reason
     * {@link ModelStoreException.Reason#BAD_LOCATION} when the folder cannot take the model and
     * {@link ModelStoreException.Reason#IN_USE} when another run holds the name.
     */
    public static ModelOutput reserve(ModelStore store, String name, long bytesNeeded) throws ModelStoreException {
        if (Names.problem(name) != null) {
            throw new ModelStoreException(ModelStoreException.Reason.BAD_NAME, "'" + name + "' is not a plain model name: "
                    + Names.problem(name) + ".");
        }
        Path root = store.root().toAbsolutePath();
        checkFolder(root, bytesNeeded);
        List<String> cleaned = store.removeLeftovers();
        FileChannel ch = null;
        try {
            ch = FileChannel.open(store.lockFile(name), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                ch.close();
                throw new ModelStoreException(ModelStoreException.Reason.IN_USE, "The model '" + name + "' in " + root
                        + " is being trained by another run; wait for it to finish, or choose another --out.");
            }
            return new ModelOutput(store, name, ch, cleaned);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new ModelStoreException(ModelStoreException.Reason.BAD_LOCATION, "The models folder " + root
                    + " cannot be written: " + AtomicFile.reason(e) + ".", e);
        }
    }

    /** A folder (created if missing) that accepts a file and has room for about {@code bytes}. */
    private static void checkFolder(Path root, long bytes) throws ModelStoreException {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new ModelStoreException(ModelStoreException.Reason.BAD_LOCATION, "The models folder " + root
                    + " is a file, not a folder; pass a folder with --models.");
        }
        try {
            Files.createDirectories(root);
            Files.delete(Files.createTempFile(root, ".write-check-", ".tmp"));
            long free = Files.getFileStore(root).getUsableSpace();
            if (free < bytes) {
                throw new ModelStoreException(ModelStoreException.Reason.BAD_LOCATION, String.format(Locale.ROOT,
                        "The models folder %s has %s free, but the model needs about %s; free some space or pass another "
                                + "folder with --models. Nothing was trained.", root, megabytes(free), megabytes(bytes)));
            }
        } catch (IOException e) {
            throw new ModelStoreException(ModelStoreException.Reason.BAD_LOCATION, "The models folder " + root
                    + " cannot be written: " + AtomicFile.reason(e) + ". Nothing was trained.", e);
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /**
     * Saves into the models folder. If that fails for lack of room or another write error, saves
     * into the first rescue folder that works and throws an error naming it, so the trained weights
     * outlive the process; a refusal that is not about writing (e.g. weights that are not finite)
     * is thrown as it is.
     */
    public Manifest save(Save save, List<Path> rescueFolders) throws ModelStoreException {
        try {
            return save.into(store);
        } catch (ModelStoreException failed) {
            if (failed.reason() != ModelStoreException.Reason.DISK_FULL && failed.reason() != ModelStoreException.Reason.WRITE_FAILED) {
                throw failed;
            }
            StringBuilder elsewhere = new StringBuilder();
            for (Path folder : rescueFolders) {
                try {
                    ModelStore rescue = new ModelStore(folder);
                    Manifest m = save.into(rescue);
                    throw new ModelStoreException(failed.reason(), failed.getMessage() + " The trained weights were saved to "
                            + rescue.dir(m.name()).toAbsolutePath() + " instead: move that folder into " + store.root()
                            + " when there is room.", failed);
                } catch (ModelStoreException notThereEither) {
                    if (notThereEither.getCause() == failed) {
                        throw notThereEither;
                    }
                    elsewhere.append(elsewhere.length() == 0 ? "" : "; ").append(folder).append(": ")
                            .append(notThereEither.getMessage());
                }
            }
            throw new ModelStoreException(failed.reason(), failed.getMessage() + " The weights could not be kept anywhere else "
                    + "either (" + elsewhere + ").", failed);
        }
    }

    /** Whether a run (in this process or another) holds this lock file now. */
    static boolean isHeld(Path lockFile) {
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock probe = ch.tryLock();
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return true; // cannot tell: leave the folder alone
        }
    }

    public String name() {
        return name;
    }

    /** Releases the name. */
    @Override
    public synchronized void close() {
        closeQuietly(channel);
        channel = null;
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close(); // releases the lock
            } catch (IOException ignored) {
                // the lock goes with the process anyway
            }
        }
    }
}
