package org.reflectlab.core.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.UncheckedIOException;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.SerializerWithStringManifest;

/**
 * What the serializers of messages that cross nodes share: plain binary through Data streams (no
 * Java serialization, no reflection), actor references as Pekko's own strings, and one way to say
 * that a message could not be written or read. Subclasses write and read their own message types.
 */
public abstract class BinarySerializer extends SerializerWithStringManifest {

    private final ExtendedActorSystem system;
    private final int id;
    private final String what;
    private volatile ActorRefResolver resolver;

    /** @param what the messages' name in errors ("serving", "job") */
    protected BinarySerializer(ExtendedActorSystem system, int id, String what) {
        this.system = system;
        this.id = id;
        this.what = what;
    }

    /** Writes one message; {@code false} if it is none of this serializer's. */
    protected abstract boolean write(Object o, DataOutputStream out) throws IOException;

    /** Reads one message of this manifest; null for an unknown manifest. */
    protected abstract Object read(String manifest, DataInputStream in) throws IOException;

    @Override
    public final int identifier() {
        return id;
    }

    @Override
    public final byte[] toBinary(Object o) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (!write(o, out)) {
                throw new IllegalArgumentException("not a " + what + " message: " + o.getClass().getName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public final Object fromBinary(byte[] data, String manifest) throws NotSerializableException {
        Object message;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            message = read(manifest, in);
        } catch (IOException | RuntimeException e) {
            throw new NotSerializableException("a " + what + " message did not read back: " + e.getMessage());
        }
        if (message == null) {
            throw new NotSerializableException("unknown " + what + " manifest '" + manifest + "'");
        }
        return message;
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
