package org.reflectlab.core.aphasia;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.reflectlab.core.data.Cell;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.Scene;
import org.reflectlab.core.data.SceneObject;
import org.reflectlab.core.data.Shape;
import org.reflectlab.core.data.ShapeColor;
import org.reflectlab.core.data.Size;

/**
 * A result on disk, in a small explicit binary format (no Java serialisation): the per-scene
 * outcomes (images as 8-bit RGB, which is all the browser shows) and the retrieval figures. The
 * summaries are recomputed on reading by the same code that made them, so they cannot drift.
 */
final class ResultFile {

    private static final int MAGIC = 0x41504831; // "APH1"
    private static final int VERSION = 1;

    private ResultFile() {
    }

    static void write(AphasiaResult r, OutputStream os) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os));
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(r.model());
        out.writeUTF(r.modelSha());
        out.writeLong(r.settings().seed());
        out.writeInt(r.settings().samples());
        out.writeInt(r.settings().resamples());
        out.writeDouble(r.seconds());
        out.writeInt(r.unparsed());
        Retrieval q = r.retrieval();
        out.writeInt(q.n());
        for (double v : new double[] {q.imageToTextAt1(), q.imageToTextAt5(), q.textToImageAt1(), q.textToImageAt5(),
            q.sameModalityShare(), q.centroidGap(), q.matchedCosine(), q.mismatchedCosine()}) {
            out.writeDouble(v);
        }
        out.writeInt(r.samples().size());
        for (SampleOutcome o : r.samples()) {
            out.writeLong(o.index());
            objects(out, o.truth().objects());
            out.writeUTF(o.trueCaption());
            out.writeUTF(o.readCaption());
            out.writeBoolean(o.parsed());
            for (RgbImage img : List.of(o.original(), o.visual(), o.textual())) {
                out.writeInt(img.width());
                out.writeInt(img.height());
                out.write(img.toRgbBytes());
            }
            for (Route route : Route.values()) {
                objects(out, o.judged(route));
                for (double v : o.scores()[route.ordinal()]) {
                    out.writeDouble(v);
                }
                out.writeDouble(o.psnr()[route.ordinal()]);
            }
        }
        out.flush();
    }

    static AphasiaResult read(InputStream is) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(is));
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            throw new IOException("not an aphasia result file of version " + VERSION);
        }
        String model = in.readUTF();
        String sha = in.readUTF();
        AphasiaSettings settings = new AphasiaSettings(in.readLong(), in.readInt(), in.readInt());
        double seconds = in.readDouble();
        int unparsed = in.readInt();
        Retrieval q = new Retrieval(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
                in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
        int n = in.readInt();
        if (n != settings.samples()) {
            throw new IOException("the file holds " + n + " scenes, its settings say " + settings.samples());
        }
        List<SampleOutcome> outcomes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long index = in.readLong();
            Scene truth = new Scene(objects(in));
            String trueCaption = in.readUTF();
            String read = in.readUTF();
            boolean parsed = in.readBoolean();
            RgbImage[] images = new RgbImage[3];
            for (int k = 0; k < 3; k++) {
                images[k] = image(in);
            }
            List<List<SceneObject>> judged = new ArrayList<>();
            double[][] scores = new double[Route.values().length][Metric.values().length];
            double[] psnr = new double[Route.values().length];
            for (Route route : Route.values()) {
                judged.add(objects(in));
                for (int m = 0; m < Metric.values().length; m++) {
                    scores[route.ordinal()][m] = in.readDouble();
                }
                psnr[route.ordinal()] = in.readDouble();
            }
            outcomes.add(new SampleOutcome(index, truth, trueCaption, images[0], images[1], read, parsed, images[2],
                    List.copyOf(judged), scores, psnr));
        }
        return RoundTrip.assemble(model, sha, settings, outcomes, q, unparsed, seconds);
    }

    private static void objects(DataOutputStream out, List<SceneObject> objects) throws IOException {
        out.writeInt(objects.size());
        for (SceneObject o : objects) {
            out.writeInt(o.shape().ordinal());
            out.writeInt(o.color().ordinal());
            out.writeInt(o.size().ordinal());
            out.writeInt(o.cell().row());
            out.writeInt(o.cell().col());
            out.writeDouble(o.dx());
            out.writeDouble(o.dy());
            out.writeDouble(o.hueJitter());
            out.writeDouble(o.rotation());
        }
    }

    private static List<SceneObject> objects(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 9) {
            throw new IOException("corrupt object count " + n);
        }
        List<SceneObject> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new SceneObject(Shape.values()[in.readInt()], ShapeColor.values()[in.readInt()], Size.values()[in.readInt()],
                    new Cell(in.readInt(), in.readInt()), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble()));
        }
        return List.copyOf(out);
    }

    private static RgbImage image(DataInputStream in) throws IOException {
        int w = in.readInt();
        int h = in.readInt();
        if (w < 1 || h < 1 || w > 512 || h > 512) {
            throw new IOException("corrupt image size " + w + "x" + h);
        }
        byte[] rgb = new byte[3 * w * h];
        in.readFully(rgb);
        int[] argb = new int[w * h];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xFF000000 | (rgb[3 * i] & 0xFF) << 16 | (rgb[3 * i + 1] & 0xFF) << 8 | (rgb[3 * i + 2] & 0xFF);
        }
        return RgbImage.fromArgb(w, h, argb);
    }
}
