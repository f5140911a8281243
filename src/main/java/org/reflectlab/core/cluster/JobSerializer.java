package org.reflectlab.core.cluster;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Writes the job messages that cross nodes as plain binary, as the serving serializer does: no
 * Java serialization, no reflection; job bodies and results are the features' own bytes; actor
 * references travel as Pekko's own strings.
 */
public final class JobSerializer extends BinarySerializer {

    public static final int ID = 915_002;
    /** Larger bodies are refused: a job is a prompt or a batch of them, never a data set. */
    static final int MAX_BYTES = 3 << 20;

    public JobSerializer(ExtendedActorSystem system) {
        super(system, ID, "job");
    }

    public static PekkoSetup.Binding binding() {
        return new PekkoSetup.Binding("reflectlab-jobs", JobSerializer.class, ID, JobMessage.class);
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
    protected boolean write(Object o, DataOutputStream out) throws IOException {
        if (o instanceof JobWorker.Assign a) {
            out.writeLong(a.jobId());
            out.writeUTF(a.kind());
            writeBytes(out, a.body());
            writeBytes(out, a.requirement().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            writeRef(out, a.from());
        } else if (o instanceof JobWorker.Cancel c) {
            out.writeLong(c.jobId());
        } else if (o instanceof JobCoordinator.Done d) {
            out.writeLong(d.jobId());
            writeRef(out, d.worker());
            writeBytes(out, d.result());
            writeBytes(out, d.error() == null ? null : d.error().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.writeBoolean(d.refused());
            out.writeLong(d.millis());
        } else if (o instanceof JobCoordinator.Busy b) {
            out.writeLong(b.jobId());
            writeRef(out, b.worker());
        } else if (o instanceof JobCoordinator.Ready r) {
            writeRef(out, r.worker());
        } else {
            return false;
        }
        return true;
    }

    @Override
    protected Object read(String manifest, DataInputStream in) throws IOException {
        switch (manifest) {
            case "A": {
                long id = in.readLong();
                String kind = in.readUTF();
                byte[] body = readBytes(in);
                String requirement = new String(readBytes(in), java.nio.charset.StandardCharsets.UTF_8);
                ActorRef<JobCoordinator.Command> from = readRef(in);
                return new JobWorker.Assign(id, kind, body, requirement, from);
            }
            case "X":
                return new JobWorker.Cancel(in.readLong());
            case "D": {
                long id = in.readLong();
                ActorRef<JobWorker.Command> worker = readRef(in);
                byte[] result = readBytes(in);
                byte[] error = readBytes(in);
                return new JobCoordinator.Done(id, worker, result,
                        error == null ? null : new String(error, java.nio.charset.StandardCharsets.UTF_8), in.readBoolean(), in.readLong());
            }
            case "B": {
                long id = in.readLong();
                return new JobCoordinator.Busy(id, readRef(in));
            }
            case "Y":
                return new JobCoordinator.Ready(readRef(in));
            default:
                return null;
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
