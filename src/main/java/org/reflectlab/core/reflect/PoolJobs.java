package org.reflectlab.core.reflect;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.reflectlab.core.cluster.JobNode;
import org.reflectlab.core.cluster.JobRun;
import org.reflectlab.core.cluster.JobSpec;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.CaptionBytes;
import org.reflectlab.core.data.Category;

/**
 * The generator's own-sample pool as jobs: each job is one sampling batch of the pool (a few
 * prompts x all their seeds), exactly the batch {@link SamplePool#build} would run, so a pool
 * built over the cluster holds the same samples as one built here, in the same order.
 */
public final class PoolJobs {

    public static final String KIND = "pool";

    private PoolJobs() {
    }

    /**
     * Builds the pool on a node's workers (local or anywhere in its cluster); {@code progress}
     * gets the prompts done. Cancelled, it returns the batches finished so far, in order.
     */
    public static SamplePool build(JobNode node, String requirement, SamplePool.Settings s, Set<String> excluded,
                                   IntConsumer progress, BooleanSupplier cancelled) throws IOException {
        Map<Caption, Category> categories = new HashMap<>();
        List<Caption> prompts = SamplePool.drawPrompts(s, excluded, categories);
        int per = SamplePool.promptsPerBatch(s);
        List<JobSpec> jobs = new ArrayList<>();
        for (int from = 0; from < prompts.size(); from += per) {
            List<Caption> chunk = prompts.subList(from, Math.min(prompts.size(), from + per));
            jobs.add(job(s, from, chunk, categories));
        }
        JobRun run = node.submit(jobs, requirement);
        Map<Integer, List<SamplePool.Entry>> done = new TreeMap<>();
        int[] prompted = {0};
        run.drain(cancelled, o -> {
            if (o.result().length > 0) {
                List<SamplePool.Entry> entries = entries(o.result());
                done.put(o.index(), entries);
                prompted[0] += entries.size();
                progress.accept(prompted[0]);
            }
        });
        List<SamplePool.Entry> all = new ArrayList<>();
        done.values().forEach(all::addAll);
        return new SamplePool(all);
    }

    static JobSpec job(SamplePool.Settings s, int first, List<Caption> prompts, Map<Caption, Category> categories) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(s.prompts());
            out.writeInt(s.seedsPerPrompt());
            out.writeInt(s.steps());
            out.writeDouble(s.guidance());
            out.writeLong(s.seed());
            out.writeInt(s.weights().length);
            for (double w : s.weights()) {
                out.writeDouble(w);
            }
            out.writeInt(first);
            out.writeInt(prompts.size());
            for (Caption c : prompts) {
                CaptionBytes.write(out, c);
                out.writeByte(categories.get(c).ordinal());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new JobSpec(KIND, "pool prompts " + first + "-" + (first + prompts.size() - 1), bytes.toByteArray());
    }

    /** Runs one batch on a worker's models; cancelled before it starts, it returns nothing. */
    public static byte[] run(Reflector r, byte[] body, BooleanSupplier cancelled) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
        int prompts = in.readInt();
        int seeds = in.readInt();
        int steps = in.readInt();
        double guidance = in.readDouble();
        long seed = in.readLong();
        double[] weights = new double[in.readInt()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = in.readDouble();
        }
        SamplePool.Settings s = new SamplePool.Settings(prompts, seeds, steps, guidance, seed, weights);
        int first = in.readInt();
        int n = in.readInt();
        List<SamplePool.Entry> chunk = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Caption c = CaptionBytes.read(in);
            chunk.add(new SamplePool.Entry(c, Category.values()[in.readByte()], List.of()));
        }
        if (cancelled.getAsBoolean()) {
            return new byte[0];
        }
        return bytes(SamplePool.sample(r.generator(), r.codec(), r.critic(), s, first, chunk));
    }

    static byte[] bytes(List<SamplePool.Entry> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(entries.size());
            for (SamplePool.Entry e : entries) {
                CaptionBytes.write(out, e.prompt());
                out.writeByte(e.category().ordinal());
                out.writeInt(e.samples().size());
                for (SamplePool.PoolSample p : e.samples()) {
                    out.writeLong(p.noiseSeed());
                    out.writeByte(p.verdict().ordinal());
                    out.writeInt(p.feedback().size());
                    for (String f : p.feedback()) {
                        out.writeUTF(f);
                    }
                    floats(out, p.latent());
                    floats(out, p.contextLatent());
                }
            }
        }
        return bytes.toByteArray();
    }

    static List<SamplePool.Entry> entries(byte[] data) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
        int n = in.readInt();
        List<SamplePool.Entry> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Caption c = CaptionBytes.read(in);
            Category cat = Category.values()[in.readByte()];
            int m = in.readInt();
            List<SamplePool.PoolSample> samples = new ArrayList<>();
            for (int j = 0; j < m; j++) {
                long seed = in.readLong();
                SamplePool.Verdict v = SamplePool.Verdict.values()[in.readByte()];
                int f = in.readInt();
                List<String> feedback = new ArrayList<>();
                for (int k = 0; k < f; k++) {
                    feedback.add(in.readUTF());
                }
                samples.add(new SamplePool.PoolSample(seed, floats(in), floats(in), List.copyOf(feedback), v));
            }
            out.add(new SamplePool.Entry(c, cat, samples));
        }
        return out;
    }

    private static void floats(DataOutputStream out, float[] v) throws IOException {
        out.writeInt(v.length);
        for (float f : v) {
            out.writeFloat(f);
        }
    }

    private static float[] floats(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1_000_000) {
            throw new IOException("implausible latent length " + n);
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.readFloat();
        }
        return v;
    }
}
