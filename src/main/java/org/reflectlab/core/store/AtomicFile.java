package org.reflectlab.core.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.awt.image.BufferedImage;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Every export (CSV, JSON, PNG) goes through here: written to a temp file beside the target,
 * synced, then renamed over it in one step. A failure (a full disk, a pulled drive) leaves the
 * previous file as it was, or no file, never a half-written one; the error names the file and the
 * reason. {@link #check} says before any work whether a path can be written at all.
 */
public final class AtomicFile {

    /** Writes the file's bytes. */
    @FunctionalInterface
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** Writes the file's text (UTF-8). */
    @FunctionalInterface
    public interface TextBody {
        void write(Writer out) throws IOException;
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static volatile long fullDiskAfter = -1;

    private AtomicFile() {
    }

    public static void write(Path target, Body body) throws IOException {
        String problem = problem(target);
        if (problem != null) {
            throw new IOException("Could not write " + target + ": " + problem + ".");
        }
        Path abs = target.toAbsolutePath();
        Path tmp = null;
        try {
            Files.createDirectories(abs.getParent());
            tmp = tempFile(abs.getParent(), "." + abs.getFileName() + "-", ".tmp");
            try (OutputStream out = limited(Files.newOutputStream(tmp, StandardOpenOption.WRITE))) {
                body.write(out);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new IOException("Could not write " + target + ": " + reason(e) + ". "
                    + (Files.exists(abs) ? "The file there is unchanged." : "No file was written."), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a leftover hidden temp file costs disk space only
                }
            }
        }
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /**
     * A new empty file in {@code dir} named prefix + random + suffix, created with the mode the
     * user's umask gives new files (Files.createTempFile makes every file 0600, so renamed exports
     * and models could not be read by anyone else whatever the umask said).
     */
    public static Path tempFile(Path dir, String prefix, String suffix) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path p = dir.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong(), 36) + suffix);
            try {
                return Files.createFile(p);
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                if (attempt > 20) {
                    throw taken;
                }
            }
        }
    }

    public static void writeText(Path target, TextBody body) throws IOException {
        write(target, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            body.write(w);
            w.flush();
        });
    }

    public static void writeLines(Path target, List<String> lines) throws IOException {
        writeText(target, w -> {
            for (String line : lines) {
                w.write(line);
                w.write('\n');
            }
        });
    }

    public static void writeJson(Path target, Object value) throws IOException {
        write(target, out -> out.write(JSON.writeValueAsBytes(value)));
    }

    public static void writePng(Path target, BufferedImage image) throws IOException {
        write(target, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer is available");
            }
        });
    }

    /** Throws with a message naming the option and the problem if the path cannot be written. */
    public static void check(Path target) throws IOException {
        String p = problem(target);
        if (p != null) {
            throw new IOException(target + ": " + p);
        }
    }

    /**
     * What stops a file from being written at this path, in words ("it is a folder, not a file"),
     * or null if nothing does. Missing folders are fine: they are created.
     */
    public static String problem(Path target) {
        if (target == null || target.toString().isBlank()) {
            return "no file name was given";
        }
        Path abs = target.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            return "it is a folder, not a file";
        }
        if (Files.exists(abs)) {
            if (!Files.isRegularFile(abs)) {
                return "it is not a regular file";
            }
            if (!Files.isWritable(abs)) {
                return "the file is read-only";
            }
        }
        Path dir = abs.getParent();
        while (dir != null && !Files.exists(dir)) {
            dir = dir.getParent();
        }
        if (dir == null) {
            return "its folder does not exist";
        }
        if (!Files.isDirectory(dir)) {
            return dir + " is a file, not a folder";
        }
        if (!Files.isWritable(dir)) {
            return "the folder " + dir + " is not writable";
        }
        return null;
    }

    /** An IOException's cause in words, without Java class names. */
    public static String reason(IOException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause()) {
            String lower = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (lower.contains("no space left") || lower.contains("disk quota") || lower.contains("not enough space")) {
                return "the disk is full";
            }
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return m.isBlank() ? "an input/output error" : m;
    }

    /**
     * For tests: writes fail with "No space left on device" after this many bytes (negative: never),
     * as on a full disk. Returns what restores normal writing.
     */
    public static AutoCloseable simulateFullDiskAfter(long bytes) {
        fullDiskAfter = bytes;
        return () -> fullDiskAfter = -1;
    }

    private static OutputStream limited(OutputStream out) {
        long limit = fullDiskAfter;
        if (limit < 0) {
            return out;
        }
        return new FilterOutputStream(out) {
            private long written;

            @Override
            public void write(int b) throws IOException {
                if (++written > limit) {
                    throw new IOException("No space left on device");
                }
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                for (int i = 0; i < len; i++) {
                    write(b[off + i]);
                }
            }
        };
    }
}
