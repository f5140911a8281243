package org.reflectlab.ui.i18n;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads Java sources for the i18n tests: every string literal outside comments, with its file and line. */
final class SourceScan {

    static final Path MAIN = Path.of("src/main/java");
    static final Path UI = MAIN.resolve("org/reflectlab/ui");
    static final Path RESOURCES = Path.of("src/main/resources/org/reflectlab/ui");

    /** One string literal: its unescaped-enough text (escapes kept as written) and where it is. */
    record Literal(Path file, int line, String text) {
        @Override
        public String toString() {
            return MAIN.relativize(file) + ":" + line + ": \"" + text + "\"";
        }
    }

    private SourceScan() {
    }

    static List<Path> javaFiles(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Literal> literals(Path file) {
        try {
            return literals(file, Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The string literals of a Java source (comments, char literals and text blocks skipped). */
    static List<Literal> literals(Path file, String src) {
        List<Literal> out = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                while (i < n && src.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int end = src.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(src, i, end);
                i = end;
            } else if (c == '\'') {
                int j = i + 1;
                while (j < n && src.charAt(j) != '\'') {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
            } else if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                line += count(src, i, end);
                i = end;
            } else if (c == '"') {
                StringBuilder sb = new StringBuilder();
                int j = i + 1;
                while (j < n && src.charAt(j) != '"') {
                    if (src.charAt(j) == '\\') {
                        sb.append(src, j, Math.min(n, j + 2));
                        j += 2;
                    } else {
                        sb.append(src.charAt(j++));
                    }
                }
                out.add(new Literal(file, line, sb.toString()));
                i = j + 1;
            } else {
                i++;
            }
        }
        return out;
    }

    private static int count(String s, int from, int to) {
        int k = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\n') {
                k++;
            }
        }
        return k;
    }
}
