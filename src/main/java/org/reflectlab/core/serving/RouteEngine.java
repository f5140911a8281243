package org.reflectlab.core.serving;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.reflectlab.core.data.AudioClip;
import org.reflectlab.core.data.Caption;
import org.reflectlab.core.data.CaptionParser;
import org.reflectlab.core.data.ParseResult;
import org.reflectlab.core.data.RgbImage;
import org.reflectlab.core.data.Scene;
import org.reflectlab.core.data.SceneAudio;
import org.reflectlab.core.data.SceneRenderer;
import org.reflectlab.core.data.SceneSampler;
import org.reflectlab.core.nn.unified.UnifiedModel;
import org.reflectlab.core.store.ModelStore;
import org.reflectlab.core.train.UnifiedModelIO;

/**
 * One worker's copy of the unified model and what it does with it, a batch at a time. Learned:
 * caption -> latent, image -> latent, latent -> image, latent -> caption. Analytic: a clip's scene
 * ({@link SpectrumSceneReader}, then rendered and encoded by the image encoder) and a clip for a
 * decoded caption (parsed, realized as a scene, synthesized by {@link SceneAudio}). Not thread-safe:
 * its worker owns it.
 */
public final class RouteEngine {

    /**
     * One item's outcome: a payload and a note on how it was made, or an error for the user.
     *
     * @param notUnderstood words of a decoded caption that were left out of the answer (null: none)
     */
    public record Outcome(Payload payload, String note, String error, String notUnderstood) {
        static Outcome ok(Payload p, String note) {
            return new Outcome(p, note, null, null);
        }

        static Outcome failed(String error) {
            return new Outcome(null, null, error, null);
        }
    }

    private final UnifiedModel model;

    private int warmed;

    public RouteEngine(UnifiedModel model) {
        this.model = model;
    }

    /** Each call loads a fresh copy of the shipped (or named) unified model: one per worker. */
    public static ServingNode.EngineFactory shipped(ModelStore store, String name) {
        return () -> new RouteEngine(UnifiedModelIO.load(store, name));
    }

    /**
     * Runs the learned parts a worker of this modality uses once at the largest batch, so that the
     * model's working buffers (which grow to the largest batch seen and then stay) exist before the
     * first request: a service that batches under load would otherwise grow its memory for as long
     * as its batches grow (what `bench soak` measured), and pay for it inside requests' deadlines.
     * Audio also builds its spectrum reader's templates here.
     */
    public void warmUp(Modality m, int batch) {
        if (warmed >= batch) {
            return; // a restarted worker keeps its engine
        }
        warmed = batch;
        if (m == Modality.AUDIO) {
            SpectrumSceneReader.get(); // its 432 templates are synthesized once, not inside the first audio request's deadline
        }
        List<RgbImage> blank = java.util.Collections.nCopies(batch, new RgbImage(imageSize(), imageSize()));
        INDArray z = switch (m) {
            case TEXT -> model.textLatents(java.util.Collections.nCopies(batch, CaptionParser.parse("a red circle").caption()));
            case IMAGE, AUDIO -> model.imageLatents(blank);
        };
        if (m != Modality.IMAGE) {
            model.decodeCaptions(z);
        }
        if (m != Modality.TEXT) {
            model.decodeImages(z);
        }
    }

    public int imageSize() {
        return model.config().imageSize();
    }

    public List<Outcome> encode(Modality m, List<Payload> inputs) {
        Outcome[] out = new Outcome[inputs.size()];
        List<Integer> at = new ArrayList<>();
        List<Caption> captions = new ArrayList<>();
        List<RgbImage> images = new ArrayList<>();
        String[] notes = new String[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            Payload p = inputs.get(i);
            if (p.modality() != m) {
                out[i] = Outcome.failed("a " + m.word() + " worker was sent " + (p.modality() == null ? "a latent" : p.modality().word()));
                continue;
            }
            if (p instanceof Payload.Text t) {
                ParseResult r = CaptionParser.parse(t.text());
                if (!r.ok()) {
                    out[i] = Outcome.failed("the caption does not parse: " + r.error().message());
                    continue;
                }
                captions.add(r.caption());
                notes[i] = "text encoder (learned)";
            } else if (p instanceof Payload.Image img) {
                if (img.image().width() != imageSize()) {
                    out[i] = Outcome.failed("the model reads " + imageSize() + "px images, not " + img.image().width() + "px");
                    continue;
                }
                images.add(img.image());
                notes[i] = "image encoder (learned)";
            } else if (p instanceof Payload.Audio a) {
                try {
                    Scene s = SpectrumSceneReader.get().read(a.clip());
                    images.add(SceneRenderer.render(s, imageSize()));
                    notes[i] = "spectrum read as '" + SceneSampler.describe(s).text() + "' (analytic), rendered, image encoder (learned)";
                } catch (IllegalArgumentException e) {
                    out[i] = Outcome.failed(e.getMessage());
                    continue;
                }
            }
            at.add(i);
        }
        if (!at.isEmpty()) {
            INDArray z = m == Modality.TEXT ? model.textLatents(captions) : model.imageLatents(images);
            float[] flat = z.dup('c').data().asFloat();
            int width = (int) z.size(1);
            for (int k = 0; k < at.size(); k++) {
                int i = at.get(k);
                out[i] = Outcome.ok(new Payload.Latent(Arrays.copyOfRange(flat, k * width, (k + 1) * width)), notes[i]);
            }
        }
        return Arrays.asList(out);
    }

    public List<Outcome> decode(Modality m, List<Payload> latents, long seed) {
        int n = latents.size();
        int width = model.config().latent();
        float[] flat = new float[n * width];
        for (int i = 0; i < n; i++) {
            if (!(latents.get(i) instanceof Payload.Latent l) || l.z().length != width) {
                throw new IllegalArgumentException("decoding needs latents of width " + width);
            }
            System.arraycopy(l.z(), 0, flat, i * width, width);
        }
        INDArray z = Nd4j.create(flat, new long[] {n, width}, 'c');
        List<Outcome> out = new ArrayList<>(n);
        switch (m) {
            case IMAGE -> model.decodeImages(z).forEach(img -> out.add(Outcome.ok(new Payload.Image(img), "image decoder (learned)")));
            case TEXT -> model.decodeCaptions(z).forEach(c -> out.add(Outcome.ok(new Payload.Text(c), "caption decoder (learned)")));
            case AUDIO -> {
                SplittableRandom r = new SplittableRandom(seed);
                List<String> direct = model.decodeCaptions(z);
                List<RgbImage> drawn = null;
                for (int i = 0; i < n; i++) {
                    String caption = direct.get(i);
                    String how = "caption decoder (learned) said '" + caption + "'";
                    Optional<PartialCaption> read = PartialCaption.read(caption);
                    if (read.isEmpty() || !read.get().whole()) {
                        // a text latent need not read as a caption (the caption decoder learned from image
                        // latents): draw it, then let the model read its own drawing
                        if (drawn == null) {
                            drawn = model.decodeImages(z);
                        }
                        String second = model.readCaptions(List.of(drawn.get(i))).get(0);
                        Optional<PartialCaption> reread = PartialCaption.read(second);
                        if (reread.isPresent() && (reread.get().whole() || read.isEmpty())) {
                            read = reread;
                            caption = second;
                            how = "image decoder, then image encoder + caption decoder (learned) read '" + second + "'";
                        }
                    }
                    out.add(read.isPresent() ? clipFor(read.get(), how, r) : Outcome.failed("the model decoded '" + caption
                            + "', of which nothing parses (" + CaptionParser.parse(caption).error().message() + "): no clip"));
                }
            }
        }
        return out;
    }

    /** A clip for what of the caption was understood; the words left out are said, not guessed at. */
    private static Outcome clipFor(PartialCaption p, String how, SplittableRandom r) {
        Scene scene = SceneSampler.realize(p.caption(), r).orElse(null);
        if (scene == null) {
            return Outcome.failed("the model decoded '" + p.understood() + "', which no scene can satisfy: no clip");
        }
        AudioClip clip = SceneAudio.synthesize(scene);
        if (p.whole()) {
            return Outcome.ok(new Payload.Audio(clip), how + "; clip synthesized (analytic)");
        }
        return new Outcome(new Payload.Audio(clip), how + "; not understood: '" + p.notUnderstood() + "'; clip synthesized for '"
                + p.understood() + "' (analytic)", null, p.notUnderstood());
    }
}
