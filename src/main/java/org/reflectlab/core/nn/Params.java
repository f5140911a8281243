package org.reflectlab.core.nn;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The named weight arrays of a network, independent of any graph: training and inference graphs
 * are built over the same arrays, so an update made by training is seen by inference at once.
 * Initial values come from a Java RNG seeded by (seed, name), so a model is reproducible whatever
 * order its graph is built in. Saved in a plain binary format (magic, names, shapes, little-endian
 * float32) that can hold nothing but numbers.
 */
public final class Params {

    private static final int MAGIC = 0x524C5031; // "RLP1"

    private final long seed;
    private final Map<String, INDArray> arrays = new LinkedHashMap<>();
    /** Names a graph (or codec) asked for: loaded arrays nobody asks for are unused. */
    private final java.util.Set<String> requested = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public Params(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** The array of that name, created with normal(0, std) values on first request. */
    public INDArray normal(String name, double std, long... shape) {
        checkShape(name, shape);
        requested.add(name);
        return arrays.computeIfAbsent(name, n -> fill(n, shape, (r, a) -> {
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) (gaussian(r) * std);
            }
        }));
    }

    public INDArray constant(String name, float value, long... shape) {
        checkShape(name, shape);
        requested.add(name);
        return arrays.computeIfAbsent(name, n -> Nd4j.valueArrayOf(shape, value, DataType.FLOAT));
    }

    /** A loaded array must have the shape the graph asks for. */
    private void checkShape(String name, long[] shape) {
        INDArray existing = arrays.get(name);
        if (existing != null && !java.util.Arrays.equals(existing.shape(), shape)) {
            throw new IllegalStateException("parameter " + name + " has shape " + java.util.Arrays.toString(existing.shape())
                    + " but the model's configuration needs " + java.util.Arrays.toString(shape));
        }
    }

    private INDArray fill(String name, long[] shape, BiConsumer<SplittableRandom, float[]> init) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        float[] data = new float[Math.toIntExact(n)];
        init.accept(new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ name.hashCode() * 0xC2B2AE3D27D4EB4FL), data);
        return Nd4j.create(data, shape, 'c');
    }

    /** A standard normal number (Box-Muller). */
    public static double gaussian(SplittableRandom r) {
        double u1 = Math.max(r.nextDouble(), 1e-12);
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    public Map<String, INDArray> arrays() {
        return java.util.Collections.unmodifiableMap(arrays);
    }

    public INDArray get(String name) {
        INDArray a = arrays.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no parameter '" + name + "'");
        }
        requested.add(name);
        return a;
    }

    /**
     * After a model was built over loaded arrays ({@link #putAll}): why the stored set does not fit
     * it, or null if every stored parameter is used and every needed one was stored.
     */
    public String mismatch(java.util.Set<String> stored) {
        java.util.List<String> missing = arrays.keySet().stream().filter(n -> !stored.contains(n)).sorted().toList();
        if (!missing.isEmpty()) {
            return "the weights lack " + missing.size() + " parameters the configuration needs (" + sample(missing) + ")";
        }
        java.util.List<String> unused = stored.stream().filter(n -> !requested.contains(n)).sorted().toList();
        if (!unused.isEmpty()) {
            return "the weights hold " + unused.size() + " parameters the configuration does not use (" + sample(unused)
                    + "), so the manifest's configuration is not the one they were trained with";
        }
        return null;
    }

    private static String sample(java.util.List<String> names) {
        return String.join(", ", names.subList(0, Math.min(3, names.size()))) + (names.size() > 3 ? ", ..." : "");
    }

    public long count() {
        return arrays.values().stream().mapToLong(INDArray::length).sum();
    }

    /** True if any value is NaN or infinite. */
    public boolean hasNonFinite() {
        for (INDArray a : arrays.values()) {
            if (!Double.isFinite(a.sumNumber().doubleValue())) {
                return true;
            }
        }
        return false;
    }

    /** Deep copies of every array (a restore point). */
    public Map<String, INDArray> snapshot() {
        Map<String, INDArray> copy = new LinkedHashMap<>();
        arrays.forEach((k, v) -> copy.put(k, v.dup()));
        return copy;
    }

    /** Overwrites every array in place from a snapshot (graphs keep their references). */
    public void restore(Map<String, INDArray> snapshot) {
        arrays.forEach((k, v) -> {
            INDArray s = snapshot.get(k);
            if (s == null) {
                throw new IllegalArgumentException("snapshot lacks '" + k + "'");
            }
            v.assign(s);
        });
    }

    public void save(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(arrays, out);
        }
    }

    public static void write(Map<String, INDArray> arrays, OutputStream os) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os, 1 << 16));
        out.writeInt(MAGIC);
        out.writeInt(arrays.size());
        for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
            INDArray a = e.getValue();
            out.writeUTF(e.getKey());
            out.writeInt(a.rank());
            for (long s : a.shape()) {
                out.writeLong(s);
            }
            float[] data = a.dup('c').data().asFloat();
            ByteBuffer buf = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            buf.asFloatBuffer().put(data);
            out.write(buf.array());
        }
        out.flush();
    }

    /** Reads arrays written by {@link #write}; any inconsistency is an IOException with a reason. */
    public static Map<String, INDArray> read(InputStream is) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(is, 1 << 16));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a ReflectLab parameter file (bad magic number)");
        }
        int n = in.readInt();
        if (n < 0 || n > 100_000) {
            throw new IOException("implausible parameter count " + n);
        }
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            int rank = in.readInt();
            if (rank < 0 || rank > 8) {
                throw new IOException("implausible rank " + rank + " for " + name);
            }
            long[] shape = new long[rank];
            long len = 1;
            for (int r = 0; r < rank; r++) {
                shape[r] = in.readLong();
                if (shape[r] < 0 || shape[r] > 1 << 28) {
                    throw new IOException("implausible shape for " + name);
                }
                len *= shape[r];
            }
            if (len > 1 << 28) {
                throw new IOException("implausible size for " + name);
            }
            byte[] bytes = new byte[Math.toIntExact(len * 4)];
            in.readFully(bytes);
            float[] data = new float[(int) len];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
            out.put(name, Nd4j.create(data, shape, 'c'));
        }
        if (in.read() != -1) {
            throw new IOException("trailing bytes after the last parameter");
        }
        return out;
    }

    /** Loads saved values into this set, which must have exactly the same names and shapes. */
    public void load(Map<String, INDArray> saved) throws IOException {
        for (Map.Entry<String, INDArray> e : saved.entrySet()) {
            if (!arrays.containsKey(e.getKey())) {
                arrays.put(e.getKey(), e.getValue());
                continue;
            }
            INDArray mine = arrays.get(e.getKey());
            if (!java.util.Arrays.equals(mine.shape(), e.getValue().shape())) {
                throw new IOException("parameter " + e.getKey() + " has shape " + java.util.Arrays.toString(e.getValue().shape())
                        + " but the model expects " + java.util.Arrays.toString(mine.shape()));
            }
            mine.assign(e.getValue());
        }
    }

    /** Puts a whole loaded set in place (before any graph is built). */
    public void putAll(Map<String, INDArray> loaded) {
        arrays.putAll(loaded);
    }
}
