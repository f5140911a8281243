package org.reflectlab.core.serving;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRef;
import org.reflectlab.core.cluster.BinarySerializer;
import org.reflectlab.core.data.AudioClip;
import org.reflectlab.core.data.RgbImage;

/**
 * Writes the few messages that cross nodes (jobs, cancels, results and their payloads) as plain
 * binary: no Java serialization, no reflection. Actor references travel as Pekko's own strings.
 */
public final class ServingSerializer extends BinarySerializer {

    static final int ID = 915_001;

    public ServingSerializer(ExtendedActorSystem system) {
        super(system, ID, "serving");
        message("J", Worker.Job.class, (j, out) -> {
            out.writeLong(j.requestId());
            out.writeByte(j.stage().ordinal());
            writePayload(out, j.payload());
            out.writeLong(j.budgetMillis());
            writeRef(out, j.replyTo());
        }, in -> {
            long id = in.readLong();
            Stage stage = Stage.values()[in.readByte()];
            Payload p = readPayload(in);
            long budget = in.readLong();
            ActorRef<Worker.JobResult> replyTo = readRef(in);
            return new Worker.Job(id, stage, p, budget, replyTo);
        });
        message("C", Worker.Cancel.class, (c, out) -> out.writeLong(c.requestId()), in -> new Worker.Cancel(in.readLong()));
        message("R", Worker.JobResult.class, (r, out) -> {
            out.writeLong(r.requestId());
            out.writeByte(r.stage().ordinal());
            writePayload(out, r.payload());
            writeString(out, r.note());
            writeString(out, r.error());
            writeString(out, r.worker());
            writeString(out, r.notUnderstood());
            out.writeDouble(r.costMillis());
        }, in -> {
            long id = in.readLong();
            Stage stage = Stage.values()[in.readByte()];
            return new Worker.JobResult(id, stage, readPayload(in), readString(in), readString(in), readString(in), readString(in),
                    in.readDouble());
        });
        message("P", Payload.class, (p, out) -> writePayload(out, p), ServingSerializer::readPayload);
    }

    private static void writePayload(DataOutputStream out, Payload p) throws IOException {
        if (p == null) {
            out.writeByte(0);
        } else if (p instanceof Payload.Text t) {
            out.writeByte(1);
            out.writeUTF(t.text());
        } else if (p instanceof Payload.Image i) {
            out.writeByte(2);
            out.writeInt(i.image().width());
            out.writeInt(i.image().height());
            writeFloats(out, i.image().data());
        } else if (p instanceof Payload.Audio a) {
            out.writeByte(3);
            out.writeInt(a.clip().sampleRate());
            writeFloats(out, a.clip().left());
            writeFloats(out, a.clip().right());
        } else if (p instanceof Payload.Latent l) {
            out.writeByte(4);
            writeFloats(out, l.z());
        }
    }

    private static Payload readPayload(DataInputStream in) throws IOException {
        int tag = in.readByte();
        return switch (tag) {
            case 0 -> null;
            case 1 -> new Payload.Text(in.readUTF());
            case 2 -> {
                int w = in.readInt();
                int h = in.readInt();
                yield new Payload.Image(new RgbImage(w, h, readFloats(in)));
            }
            case 3 -> {
                int rate = in.readInt();
                yield new Payload.Audio(new AudioClip(rate, readFloats(in), readFloats(in)));
            }
            case 4 -> new Payload.Latent(readFloats(in));
            default -> throw new IOException("unknown payload tag " + tag);
        };
    }

    private static void writeFloats(DataOutputStream out, float[] v) throws IOException {
        out.writeInt(v.length);
        for (float f : v) {
            out.writeFloat(f);
        }
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 4_000_000) {
            throw new IOException("implausible array length " + n);
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.readFloat();
        }
        return v;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String readString(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
