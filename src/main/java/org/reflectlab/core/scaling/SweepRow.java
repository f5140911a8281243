package org.reflectlab.core.scaling;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reflectlab.core.data.Category;

/**
 * One scored image of a sweep: the answer a method gives for a prompt at budget K.
 *
 * @param score      the judge's verdict: 1 if the image satisfies the prompt, else 0
 * @param critic     whether the critic (which chose it) thought it correct
 * @param images     images drawn to reach this answer
 * @param wallMillis time spent on this answer on this machine
 */
public record SweepRow(String promptId, Category category, String prompt, Method method, int k, long seed, double nfe,
                       int score, boolean critic, int images, long wallMillis) {

    public static final String HEADER = "prompt_id,category,prompt,method,k,seed,nfe,score,critic_correct,images,wall_ms";

    /** Writes rows as a CSV file with its header, atomically (temp file + rename). */
    public static void writeCsv(List<SweepRow> rows, java.nio.file.Path file) throws java.io.IOException {
        org.reflectlab.core.store.AtomicFile.writeText(file, w -> {
            w.write(HEADER + "\n");
            for (SweepRow r : rows) {
                w.write(r.toCsv() + "\n");
            }
        });
    }

    public String toCsv() {
        return String.join(",", promptId, category.name().toLowerCase(Locale.ROOT), quote(prompt), method.id(),
                Integer.toString(k), Long.toString(seed), String.format(Locale.ROOT, "%.3f", nfe), Integer.toString(score),
                Boolean.toString(critic), Integer.toString(images), Long.toString(wallMillis));
    }

    /** Parses one CSV line written by {@link #toCsv()}; throws on anything malformed. */
    public static SweepRow parse(String line) {
        List<String> f = split(line);
        if (f.size() != 11) {
            throw new IllegalArgumentException("expected 11 fields, found " + f.size());
        }
        int score = Integer.parseInt(f.get(7));
        if (score != 0 && score != 1) {
            throw new IllegalArgumentException("score must be 0 or 1");
        }
        return new SweepRow(f.get(0), Category.valueOf(f.get(1).toUpperCase(Locale.ROOT)), f.get(2), Method.parse(f.get(3)),
                Integer.parseInt(f.get(4)), Long.parseLong(f.get(5)), Double.parseDouble(f.get(6)), score,
                Boolean.parseBoolean(f.get(8)), Integer.parseInt(f.get(9)), Long.parseLong(f.get(10)));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
