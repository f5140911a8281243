package org.reflectlab.core.cluster;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
        message("A", JobWorker.Assign.class, (a, out) -> {
            out.writeLong(a.jobId());
            out.writeUTF(a.kind());
            writeBytes(out, a.body());
            writeBytes(out, a.requirement().getBytes(StandardCharsets.UTF_8));
            writeRef(out, a.from());
        }, in -> {
            long id = in.readLong();
            String kind = in.readUTF();
            byte[] body = readBytes(in);
            String requirement = new String(readBytes(in), StandardCharsets.UTF_8);
            ActorRef<JobCoordinator.Command> from = readRef(in);
            return new JobWorker.Assign(id, kind, body, requirement, from);
        });
        message("X", JobWorker.Cancel.class, (c, out) -> out.writeLong(c.jobId()), in -> new JobWorker.Cancel(in.readLong()));
        message("D", JobCoordinator.Done.class, (d, out) -> {
            out.writeLong(d.jobId());
            writeRef(out, d.worker());
            writeBytes(out, d.result());
            writeBytes(out, d.error() == null ? null : d.error().getBytes(StandardCharsets.UTF_8));
            out.writeBoolean(d.refused());
            out.writeLong(d.millis());
        }, in -> {
            long id = in.readLong();
            ActorRef<JobWorker.Command> worker = readRef(in);
            byte[] result = readBytes(in);
            byte[] error = readBytes(in);
            return new JobCoordinator.Done(id, worker, result,
                    error == null ? null : new String(error, StandardCharsets.UTF_8), in.readBoolean(), in.readLong());
        });
        message("B", JobCoordinator.Busy.class, (b, out) -> {
            out.writeLong(b.jobId());
            writeRef(out, b.worker());
        }, in -> {
            long id = in.readLong();
            return new JobCoordinator.Busy(id, readRef(in));
        });
        message("Y", JobCoordinator.Ready.class, (r, out) -> writeRef(out, r.worker()), in -> new JobCoordinator.Ready(readRef(in)));
    }

    public static PekkoSetup.Binding binding() {
        return new PekkoSetup.Binding("reflectlab-jobs", JobSerializer.class, ID, JobMessage.class);
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
