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
 * Writes the job messages that cross nodes as plain binary, as the serving serializer does: no
 * Java serialization, no reflection; job bodies and results are the features' own bytes; actor
 * references travel as Pekko's own strings.
 */
public final class JobSerializer extends SerializerWithStringManifest {

    public static final int ID = 915_002;
    /** Larger bodies are refused: a job is a prompt or a batch of them, never a data set. */
    static final int MAX_BYTES = 3 << 20;

    private final ExtendedActorSystem system;
    private volatile ActorRefResolver resolver;

    public JobSerializer(ExtendedActorSystem system) {
        this.system = system;
    }

    public static PekkoSetup.Binding binding() {
        return new PekkoSetup.Binding("reflectlab-jobs", JobSerializer.class, ID, JobMessage.class);
    }

    private ActorRefResolver resolver() {
        if (resolver == null) {
            resolver = ActorRefResolver.get(Adapter.toTyped(system));
        }
        return resolver;
    }

    @Override
    public int identifier() {
        return ID;
    }

    @Override
    public String manifest(Object o) {
        if (o instanceof JobWorker.Assign) {
            return "A";
        } else if (o instanceof JobWorker.Cancel) {
            return "X";
        } else if (o instanceof JobCoordinator.Done) {
            return "D";
        } else if (o instanceof JobCoordinator.Busy) {
            return "B";
        } else if (o instanceof JobCoordinator.Ready) {
            return "Y";
        }
        throw new IllegalArgumentException("not a job message: " + o.getClass().getName());
    }

    @Override
    public byte[] toBinary(Object o) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (o instanceof JobWorker.Assign a) {
                out.writeLong(a.jobId());
                out.writeUTF(a.kind());
                writeBytes(out, a.body());
                writeBytes(out, a.requirement().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.writeUTF(resolver().toSerializationFormat(a.from()));
            } else if (o instanceof JobWorker.Cancel c) {
                out.writeLong(c.jobId());
            } else if (o instanceof JobCoordinator.Done d) {
                out.writeLong(d.jobId());
                out.writeUTF(resolver().toSerializationFormat(d.worker()));
                writeBytes(out, d.result());
                writeBytes(out, d.error() == null ? null : d.error().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.writeBoolean(d.refused());
                out.writeLong(d.millis());
            } else if (o instanceof JobCoordinator.Busy b) {
                out.writeLong(b.jobId());
                out.writeUTF(resolver().toSerializationFormat(b.worker()));
            } else if (o instanceof JobCoordinator.Ready r) {
                out.writeUTF(resolver().toSerializationFormat(r.worker()));
            } else {
                throw new IllegalArgumentException("not a job message: " + o.getClass().getName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public Object fromBinary(byte[] data, String manifest) throws NotSerializableException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            switch (manifest) {
                case "A": {
                    long id = in.readLong();
                    String kind = in.readUTF();
                    byte[] body = readBytes(in);
                    String requirement = new String(readBytes(in), java.nio.charset.StandardCharsets.UTF_8);
                    ActorRef<JobCoordinator.Command> from = resolver().resolveActorRef(in.readUTF());
                    return new JobWorker.Assign(id, kind, body, requirement, from);
                }
                case "X":
                    return new JobWorker.Cancel(in.readLong());
                case "D": {
                    long id = in.readLong();
                    ActorRef<JobWorker.Command> worker = resolver().resolveActorRef(in.readUTF());
                    byte[] result = readBytes(in);
                    byte[] error = readBytes(in);
                    return new JobCoordinator.Done(id, worker, result,
                            error == null ? null : new String(error, java.nio.charset.StandardCharsets.UTF_8), in.readBoolean(), in.readLong());
                }
                case "B": {
                    long id = in.readLong();
                    return new JobCoordinator.Busy(id, resolver().resolveActorRef(in.readUTF()));
                }
                case "Y":
                    return new JobCoordinator.Ready(resolver().resolveActorRef(in.readUTF()));
                default:
                    throw new NotSerializableException("unknown job manifest '" + manifest + "'");
            }
        } catch (IOException | RuntimeException e) {
            throw new NotSerializableException("a job message did not read back: " + e.getMessage());
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        if (b == null) {
            out.writeInt(-1);
            return;
        }
        if (b.length > MAX_BYTES) {
            throw new IOException("a job message of " + b.length + " bytes is larger than " + MAX_BYTES);
        }
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        if (n < 0 || n > MAX_BYTES) {
            throw new IOException("implausible length " + n);
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }
}
