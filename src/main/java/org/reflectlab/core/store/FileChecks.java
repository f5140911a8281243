package org.reflectlab.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A model file against its manifest entry: inside its folder, present, of the recorded size and SHA-256. */
final class FileChecks {

    private FileChecks() {
    }

    static void check(Path dir, String file, FileEntry entry) throws ModelStoreException {
        Path path = dir.resolve(file).normalize();
        if (!path.startsWith(dir.normalize())) {
            throw new ModelStoreException(ModelStoreException.Reason.BAD_MANIFEST,
                    "The manifest in " + dir + " names a file outside its folder: " + file);
        }
        if (!Files.isRegularFile(path)) {
            throw new ModelStoreException(ModelStoreException.Reason.MISSING_FILE,
                    path + " is missing (the manifest lists it).");
        }
        try {
            if (!path.toRealPath().startsWith(dir.toRealPath())) {
                throw new ModelStoreException(ModelStoreException.Reason.BAD_MANIFEST, path + " is a link to "
                        + path.toRealPath() + ", outside its model's folder; a model's files must be in its folder.");
            }
            long size = Files.size(path);
            if (size < entry.bytes()) {
                throw new ModelStoreException(ModelStoreException.Reason.TRUNCATED, String.format(
                        "%s is truncated: %,d of %,d bytes.", path, size, entry.bytes()));
            }
            if (size > entry.bytes()) {
                throw new ModelStoreException(ModelStoreException.Reason.CORRUPT, String.format(
                        "%s is corrupt or was modified: %,d bytes where the manifest says %,d.", path, size, entry.bytes()));
            }
            if (!sha256(path).equalsIgnoreCase(entry.sha256())) {
                throw new ModelStoreException(ModelStoreException.Reason.CORRUPT,
                        path + " is corrupt or was modified: its SHA-256 does not match the manifest.");
            }
        } catch (IOException e) {
            throw new ModelStoreException(ModelStoreException.Reason.UNREADABLE,
                    "Could not read " + path + ": " + SaveSteps.describe(e), e);
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
