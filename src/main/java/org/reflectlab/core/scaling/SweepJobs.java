package org.reflectlab.core.scaling;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.reflectlab.core.cluster.JobHandler;
import org.reflectlab.core.cluster.JobSpec;
import org.reflectlab.core.data.CaptionBytes;
import org.reflectlab.core.data.Category;
import org.reflectlab.core.reflect.PoolJobs;
import org.reflectlab.core.reflect.PromptSet;
import org.reflectlab.core.reflect.Reflector;

/**
 * The sweep's unit of work as a job any worker node can run: one prompt x the methods it still
 * needs, each at all of the sweep's K values. The result is the finished methods' rows as
 * results.csv lines, so a row crosses nodes in exactly the form it is stored in.
 */
public final class SweepJobs {

    public static final String KIND = "sweep";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SweepJobs() {
    }

    /** A worker's handler around one reflector (its own copy of the models): sweep and pool jobs. */
    public static JobHandler handler(Reflector reflector) {
        MethodRunner runner = new MethodRunner(reflector);
        return (kind, body, cancelled) -> switch (kind) {
            case KIND -> run(runner, body, cancelled);
            case PoolJobs.KIND -> PoolJobs.run(reflector, body, cancelled);
            default -> throw new IllegalArgumentException("this worker does not run '" + kind + "' jobs");
        };
    }

    static JobSpec job(PromptSet.Prompt p, long seed, List<Method> methods, SweepSettings s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(JSON.writeValueAsString(s.describe()));
            out.writeUTF(p.id());
            out.writeUTF(p.category().name());
            CaptionBytes.write(out, p.caption());
            out.writeLong(seed);
            out.writeUTF(String.join(",", methods.stream().map(Method::id).toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new JobSpec(KIND, p.id() + " " + String.join("+", methods.stream().map(Method::id).toList()), bytes.toByteArray());
    }

    /** Runs a job: every method not cut short by a cancel, its rows in K order. */
    @SuppressWarnings("unchecked")
    static byte[] run(MethodRunner runner, byte[] body, BooleanSupplier cancelled) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
        SweepSettings s = SweepSettings.fromMap(JSON.readValue(in.readUTF(), Map.class));
        PromptSet.Prompt p = new PromptSet.Prompt(in.readUTF(), Category.valueOf(in.readUTF()), CaptionBytes.read(in));
        long seed = in.readLong();
        List<Method> methods = Method.parseList(in.readUTF());
        StringBuilder out = new StringBuilder();
        for (Method m : methods) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            List<MethodRunner.Answer> answers = runner.answers(m, p.caption(), seed, s, cancelled);
            if (cancelled.getAsBoolean()) {
                break; // a method cut short would store answers made with less than their budget
            }
            for (MethodRunner.Answer a : answers) {
                out.append(row(p, m, seed, a).toCsv()).append('\n');
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A job's result as rows, in the order they were made (method by method, K ascending). */
    static List<SweepRow> rows(byte[] result) {
        List<SweepRow> out = new ArrayList<>();
        for (String line : new String(result, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                out.add(SweepRow.parse(line));
            }
        }
        return out;
    }

    private static SweepRow row(PromptSet.Prompt p, Method m, long seed, MethodRunner.Answer a) {
        return new SweepRow(p.id(), p.category(), p.text(), m, a.k(), seed, a.nfe(), a.answer().judgeCorrect() ? 1 : 0,
                a.answer().criticSaysCorrect(), a.images(), a.millis());
    }
}
