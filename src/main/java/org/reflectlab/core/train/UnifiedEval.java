package org.reflectlab.core.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.CaptionParser;
import org.reflectlab.core.data.Clause;
import org.reflectlab.core.data.ParseResult;
import org.reflectlab.core.data.PixelSceneReader;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.Sample;
import org.reflectlab.core.data.SceneObject;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.nn.unified.UnifiedModel;

/**
 * Held-out quality of a unified model:
 * <ul>
 * <li>caption attribute accuracy: of every true object's four attributes (place, shape, color,
 * size), the share the read caption states correctly (an object counts as stated if the caption
 * names something at its place); plus exact-caption and object-count rates;</li>
 * <li>reconstruction PSNR (image -> latent -> image), mean over images, in dB;</li>
 * <li>text -> image attribute accuracy checked on the pixels by {@link PixelSceneReader}: the
 * generated image's object count, and each object's color, place and size, out of three per
 * object drawn or asked for, whichever is more, so stray blobs cost (shape is not checked here;
 * the trained judge does that);</li>
 * <li>image -> text retrieval Recall@1 over the evaluation set's latents.</li>
 * </ul>
 */
public final class UnifiedEval {

    public static final String CAPTION_ACCURACY = "caption_attribute_accuracy";
    public static final String CAPTION_EXACT = "caption_exact";
    public static final String PSNR = "recon_psnr_db";
    public static final String GEN_PSNR = "generation_psnr_db";
    public static final String T2I_ACCURACY = "text_to_image_attribute_accuracy";
    public static final String T2I_COUNT = "text_to_image_count_accuracy";
    public static final String RECALL1 = "retrieval_i2t_recall_at_1";
    public static final String HELDOUT_LOSS = "heldout_loss";

    private UnifiedEval() {
    }

    public static Map<String, Double> evaluate(UnifiedModel model, ShapesWorld heldOut, int n, int batch) {
        double psnr = 0;
        double genPsnr = 0;
        int attrCorrect = 0;
        int attrTotal = 0;
        int exact = 0;
        int t2iCorrect = 0;
        int t2iTotal = 0;
        int t2iCount = 0;
        List<INDArray> zi = new ArrayList<>();
        List<INDArray> zt = new ArrayList<>();
        for (int from = 0; from < n; from += batch) {
            int m = Math.min(batch, n - from);
            List<Sample> samples = heldOut.samples(from, m);
            List<RgbImage> images = new ArrayList<>();
            List<Caption> captions = new ArrayList<>();
            for (Sample s : samples) {
                images.add(heldOut.render(s.scene()));
                captions.add(s.description());
            }
            INDArray imgLatents = model.imageLatents(images);
            INDArray txtLatents = model.textLatents(captions);
            zi.add(imgLatents);
            zt.add(txtLatents);
            List<RgbImage> recon = model.decodeImages(imgLatents);
            List<RgbImage> gen = model.decodeImages(txtLatents);
            List<String> read = model.decodeCaptions(imgLatents);
            for (int i = 0; i < m; i++) {
                psnr += psnr(images.get(i), recon.get(i));
                genPsnr += psnr(images.get(i), gen.get(i));
                Sample s = samples.get(i);
                if (read.get(i).equals(s.description().text())) {
                    exact++;
                }
                int[] ca = captionAttributes(read.get(i), s);
                attrCorrect += ca[0];
                attrTotal += ca[1];
                int[] ta = pixelAttributes(gen.get(i), s);
                t2iCorrect += ta[0];
                t2iTotal += ta[1];
                t2iCount += ta[2];
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(CAPTION_ACCURACY, attrCorrect / (double) attrTotal);
        out.put(CAPTION_EXACT, exact / (double) n);
        out.put(PSNR, psnr / n);
        out.put(GEN_PSNR, genPsnr / n);
        out.put(T2I_ACCURACY, t2iCorrect / (double) t2iTotal);
        out.put(T2I_COUNT, t2iCount / (double) n);
        out.put(RECALL1, recallAt1(concat(zi), concat(zt)));
        return out;
    }

    /** {correct, total} attributes of the true objects as stated by a read caption. */
    static int[] captionAttributes(String read, Sample truth) {
        List<SceneObject> objects = truth.scene().objects();
        int total = 4 * objects.size();
        ParseResult parsed = CaptionParser.parse(read);
        if (!parsed.ok()) {
            return new int[] {0, total};
        }
        int correct = 0;
        for (SceneObject o : objects) {
            for (Clause c : parsed.caption().clauses()) {
                if (o.cell().equals(c.cell())) {
                    correct += 1 + (c.shape() == o.shape() ? 1 : 0) + (c.color() == o.color() ? 1 : 0)
                            + (c.size() == o.size() ? 1 : 0);
                    break;
                }
            }
        }
        return new int[] {correct, total};
    }

    /** {correct, total, countRight} for color/place/size of each true object as seen in the pixels. */
    static int[] pixelAttributes(RgbImage generated, Sample truth) {
        List<PixelSceneReader.Blob> blobs = PixelSceneReader.read(generated);
        List<SceneObject> objects = truth.scene().objects();
        int correct = 0;
        for (SceneObject o : objects) {
            for (PixelSceneReader.Blob b : blobs) {
                if (b.cell().equals(o.cell())) {
                    correct += 1 + (b.color() == o.color() ? 1 : 0) + (b.size() == o.size() ? 1 : 0);
                    break;
                }
            }
        }
        // Extra blobs count against the image: the denominator covers whatever was drawn.
        return new int[] {correct, 3 * Math.max(objects.size(), blobs.size()), blobs.size() == objects.size() ? 1 : 0};
    }

    public static double psnr(RgbImage truth, RgbImage other) {
        float[] a = truth.data();
        float[] b = other.data();
        double se = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - Math.max(0, Math.min(1, b[i]));
            se += d * d;
        }
        double mse = Math.max(se / a.length, 1e-10);
        return 10 * Math.log10(1 / mse);
    }

    /** Share of images whose nearest caption latent (cosine) is their own caption. */
    public static double recallAt1(INDArray zi, INDArray zt) {
        INDArray a = zi.div(zi.norm2(1).reshape(-1, 1).add(1e-6));
        INDArray b = zt.div(zt.norm2(1).reshape(-1, 1).add(1e-6));
        INDArray sim = a.mmul(b.transpose());
        INDArray best = org.nd4j.linalg.factory.Nd4j.argMax(sim, 1);
        int n = (int) sim.size(0);
        int hits = 0;
        for (int i = 0; i < n; i++) {
            if (best.getInt(i) == i) {
                hits++;
            }
        }
        return hits / (double) n;
    }

    private static INDArray concat(List<INDArray> parts) {
        return org.nd4j.linalg.factory.Nd4j.concat(0, parts.toArray(new INDArray[0]));
    }
}
