package org.reflectlab.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 24's size limits: no class in src/main/java over 400 lines, no ViewModel over 250. A class that grows past
 * its limit is split by what it does (a ViewModel by what the user sees, into sub-ViewModels), not allowed here.
 */
class SizeLimitsTest {

    static final int CLASS_LIMIT = 400;
    static final int VIEW_MODEL_LIMIT = 250;

    /** Files allowed over their limit, each with the reason. Keep it empty; an entry needs a reason a reviewer accepts. */
    private static final Map<String, String> ALLOWED = Map.of();

    static int lines(Path file) throws IOException {
        return (int) Files.readString(file).chars().filter(c -> c == '\n').count();
    }

    static int limit(Path file) {
        return file.getFileName().toString().endsWith("ViewModel.java") ? VIEW_MODEL_LIMIT : CLASS_LIMIT;
    }

    static List<String> overLimit(Path root) throws IOException {
        List<String> over = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String name = root.relativize(f).toString().replace('\\', '/');
                int n = lines(f);
                if (n > limit(f) && !ALLOWED.containsKey(name)) {
                    over.add(name + ": " + n + " lines (limit " + limit(f) + ")");
                }
            }
        }
        return over;
    }

    @Test
    void noClassOverItsLimit() throws IOException {
        Path root = Path.of("src/main/java");
        assertTrue(Files.isDirectory(root), "run from the project's folder");
        assertEquals(List.of(), overLimit(root), "split these by responsibility (ViewModels by what the user sees)");
    }

    @Test
    void theCheckCatchesBothLimits(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("BigViewModel.java"), "\n".repeat(VIEW_MODEL_LIMIT + 1));
        Files.writeString(dir.resolve("SmallViewModel.java"), "\n".repeat(VIEW_MODEL_LIMIT));
        Files.writeString(dir.resolve("Big.java"), "\n".repeat(CLASS_LIMIT + 1));
        Files.writeString(dir.resolve("Fine.java"), "\n".repeat(CLASS_LIMIT));
        assertEquals(List.of("Big.java: 401 lines (limit 400)", "BigViewModel.java: 251 lines (limit 250)"), overLimit(dir));
    }
}
