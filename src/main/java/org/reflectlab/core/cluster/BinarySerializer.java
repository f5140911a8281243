package org.reflectlab.core.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.SerializerWithStringManifest;

/**
 * What the serializers of messages that cross nodes share: plain binary through Data streams (no
 * Java serialization, no reflection), actor references as Pekko's own strings, and one way to say
 * that a message could not be written or read. Subclasses register how each of their message types
 * is written and read ({@link #message}); the manifest, the lookup and the errors are written here once.
 */
public abstract class BinarySerializer extends SerializerWithStringManifest {

    private final ExtendedActorSystem system;
    private final int id;
    private final String what;
    private final List<Codec<?>> codecs = new ArrayList<>();
    private volatile ActorRefResolver resolver;

    /** Writes one message's fields. */
    @FunctionalInterface
    protected interface Writer<T> {
        void write(T message, DataOutputStream out) throws IOException;
    }

    /** Reads one message's fields back, in the order they were written. */
    @FunctionalInterface
    protected interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private record Codec<T>(String manifest, Class<T> type, Writer<? super T> writer, Reader<? extends T> reader) {
        void write(Object o, DataOutputStream out) throws IOException {
            writer.write(type.cast(o), out);
        }
    }

    /** @param what the messages' name in errors ("serving", "job") */
    protected BinarySerializer(ExtendedActorSystem system, int id, String what) {
        this.system = system;
        this.id = id;
        this.what = what;
    }

    /**
     * Registers a message type under a one-letter manifest (call from the constructor). A message is
     * written by the first registered type it is an instance of.
     */
    protected final <T> void message(String manifest, Class<T> type, Writer<? super T> writer, Reader<? extends T> reader) {
        codecs.add(new Codec<>(manifest, type, writer, reader));
    }

    @Override
    public final String manifest(Object o) {
        return codecOf(o).manifest();
    }

    private Codec<?> codecOf(Object o) {
        for (Codec<?> c : codecs) {
            if (c.type().isInstance(o)) {
                return c;
            }
        }
        throw new IllegalArgumentException("not a " + what + " message: " + o.getClass().getName());
    }

    @Override
    public final int identifier() {
        return id;
    }

    @Override
    public final byte[] toBinary(Object o) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Codec<?> codec = codecOf(o);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            codec.write(o, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public final Object fromBinary(byte[] data, String manifest) throws NotSerializableException {
        Codec<?> codec = codecs.stream().filter(c -> c.manifest().equals(manifest)).findFirst()
                .orElseThrow(() -> new NotSerializableException("unknown " + what + " manifest '" + manifest + "'"));
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            return codec.reader().read(in);
        } catch (IOException | RuntimeException e) {
            throw new NotSerializableException("a " + what + " message did not read back: " + e.getMessage());
        }
    }

    protected final void writeRef(DataOutputStream out, ActorRef<?> ref) throws IOException {
        out.writeUTF(resolver().toSerializationFormat(ref));
    }

    protected final <T> ActorRef<T> readRef(DataInputStream in) throws IOException {
        return resolver().resolveActorRef(in.readUTF());
    }

    private ActorRefResolver resolver() {
        if (resolver == null) {
            resolver = ActorRefResolver.get(Adapter.toTyped(system));
        }
        return resolver;
    }
}
