package org.reflectlab.core.nn.unified;

import java.util.ArrayList;
import java.util.List;
import org.reflectlab.core.data.Vocabulary;
import org.reflectlab.core.nn.fast.Block;
import org.reflectlab.core.nn.fast.Dense;
import org.reflectlab.core.nn.fast.FastOps;
import org.reflectlab.core.nn.fast.Gelu;
import org.reflectlab.core.nn.fast.LayerNorm;
import org.reflectlab.core.nn.fast.Mat;
import org.reflectlab.core.nn.fast.Packing;
import org.reflectlab.core.nn.fast.Segments;
import org.reflectlab.core.nn.fast.Slot;
import org.reflectlab.core.nn.fast.Table;

/**
 * The four parts of {@link UnifiedNet}, each built from the fast path's modules with its forward and
 * backward pass side by side: the image encoder, the text encoder, the image decoder (spatial or
 * vector latent) and the caption decoder, under the names {@link UnifiedModel}'s graphs give their weights.
 */
final class UnifiedParts {

    private final UnifiedConfig cfg;
    private final FastOps ops;
    final ImageEncoder image;
    final TextEncoder text;
    final ImageDecoder decoder;
    final CaptionDecoder caption;

    UnifiedParts(UnifiedConfig cfg, FastOps ops) {
        this.cfg = cfg;
        this.ops = ops;
        this.image = new ImageEncoder();
        this.text = new TextEncoder();
        this.decoder = cfg.attentionDecoder() ? new GridDecoder() : new VectorDecoder();
        this.caption = new CaptionDecoder();
    }


    private List<Block> blocks(String prefix, int depth) {
        List<Block> list = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            list.add(new Block(ops, prefix + i, cfg.width(), cfg.heads()));
        }
        return list;
    }

    private static void forwardAll(List<Block> blocks, Mat x, Segments seg) {
        for (Block b : blocks) {
            b.forward(x, seg);
        }
    }

    private static void backwardAll(List<Block> blocks, Mat dx) {
        for (int i = blocks.size() - 1; i >= 0; i--) {
            blocks.get(i).backward(dx);
        }
    }

    /**
     * Tokens [n * count, width] -> latent [n, latent] through a position-aware linear map (each token
     * narrowed, then all of them flattened), as {@code UnifiedModel.readout}.
     */
    private final class Readout {
        private final Dense narrow;
        private final Dense latent;
        private final int count;
        private final Slot dNarrow = new Slot();
        private final Slot dTokens = new Slot();

        Readout(String name, int count) {
            this.count = count;
            this.narrow = new Dense(ops, name + "/narrow", cfg.width(), UnifiedModel.READOUT_WIDTH);
            this.latent = new Dense(ops, name + "/latent", count * UnifiedModel.READOUT_WIDTH, cfg.latent());
        }

        Mat forward(Mat tokens, int n) {
            return latent.forward(narrow.forward(tokens).as(n, count * UnifiedModel.READOUT_WIDTH));
        }

        Mat backward(Mat dz) {
            int n = dz.rows();
            Mat dn = dNarrow.mat(n, count * UnifiedModel.READOUT_WIDTH);
            latent.backward(dz, dn, false);
            Mat dt = dTokens.mat(n * count, cfg.width());
            narrow.backward(dn.as(n * count, UnifiedModel.READOUT_WIDTH), dt, false);
            return dt;
        }
    }

    /** Patches -> transformer -> the latent: one vector (readout) or one small vector per patch (spatial). */
    final class ImageEncoder {
        private final Dense embed = new Dense(ops, "img/embed", cfg.patchWidth(), cfg.width());
        private final Table pos = new Table(ops, "img/pos", cfg.imageTokens());
        private final List<Block> blocks = blocks("img/block", cfg.imageDepth());
        private final LayerNorm ln = new LayerNorm();
        private final Readout readout = cfg.spatial() ? null : new Readout("img", cfg.imageTokens());
        private final Dense perToken = cfg.spatial() ? new Dense(ops, "img/latent", cfg.width(), cfg.latentChannels()) : null;
        private final Slot dxSlot = new Slot();
        private final Slot dySlot = new Slot();
        private final Slot dPreSlot = new Slot();
        private Mat bounded;

        Mat forward(Mat patches, int n) {
            Mat x = embed.forward(patches);
            pos.forward(x);
            forwardAll(blocks, x, Segments.uniform(n, cfg.imageTokens()));
            Mat y = ln.forward(x);
            Mat z = cfg.spatial() ? perToken.forward(y) : readout.forward(y, n);
            if (cfg.noisyLatent()) {
                tanhInPlace(z);
                bounded = z; // the dense layer's own output, kept until its next forward
            }
            return z.as(n, cfg.latent());
        }

        void backward(Mat dz) {
            int rows = dz.rows() * cfg.imageTokens();
            Mat dLatent = cfg.noisyLatent() ? tanhBackward(bounded.as(dz.rows(), cfg.latent()), dz,
                    dPreSlot.mat(dz.rows(), cfg.latent())) : dz;
            Mat dy;
            if (cfg.spatial()) {
                dy = dySlot.mat(rows, cfg.width());
                perToken.backward(dLatent.as(rows, cfg.latentChannels()), dy, false);
            } else {
                dy = readout.backward(dLatent);
            }
            Mat dx = dxSlot.mat(rows, cfg.width());
            ln.backward(dy, dx, false);
            backwardAll(blocks, dx);
            pos.backward(dx);
            embed.backward(dx, null, false);
        }
    }

    private static void tanhInPlace(Mat m) {
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 0; c < m.cols(); c++) {
                m.set(r, c, (float) Math.tanh(m.get(r, c)));
            }
        }
    }

    /** d(pre) = d(out) * (1 - out^2), for out = tanh(pre). */
    private static Mat tanhBackward(Mat out, Mat dOut, Mat dPre) {
        for (int r = 0; r < out.rows(); r++) {
            for (int c = 0; c < out.cols(); c++) {
                float y = out.get(r, c);
                dPre.set(r, c, dOut.get(r, c) * (1 - y * y));
            }
        }
        return dPre;
    }

    /** Caption tokens -> transformer over the real tokens only -> the latent (readout). */
    final class TextEncoder {
        private final int len = Vocabulary.MAX_TOKENS;
        private final Dense embed = new Dense(ops, "txt/embed", Vocabulary.size(), cfg.width());
        private final Table pos = new Table(ops, "txt/pos", len);
        private final List<Block> blocks = blocks("txt/block", cfg.textDepth());
        private final LayerNorm ln = new LayerNorm();
        private final Readout readout = new Readout("txt", len);
        private final Packing packing = new Packing();
        private final Slot normedSlot = new Slot();
        private final Slot dySlot = new Slot();
        private final Slot dxSlot = new Slot();
        private final Slot dFullSlot = new Slot();
        private int n;

        Mat forward(Mat tokens, Mat mask) {
            n = mask.rows();
            Mat full = embed.forward(tokens);
            pos.forward(full);
            // Padding is never attended to and is zeroed before the readout: only real tokens are computed.
            Segments seg = packing.plan(mask);
            Mat x = packing.pack(full);
            forwardAll(blocks, x, seg);
            Mat normed = normedSlot.mat(n * len, cfg.width());
            packing.unpack(ln.forward(x), normed);
            return readout.forward(normed, n);
        }

        void backward(Mat dz) {
            Mat dNormed = readout.backward(dz);
            int rows = packing.segments().rows();
            Mat dy = dySlot.mat(rows, cfg.width());
            packing.pack(dNormed, dy);
            Mat dx = dxSlot.mat(rows, cfg.width());
            ln.backward(dy, dx, false);
            backwardAll(blocks, dx);
            Mat dFull = dFullSlot.mat(n * len, cfg.width());
            packing.unpack(dx, dFull);
            pos.backward(dFull);
            embed.backward(dFull, null, false);
        }
    }

    interface ImageDecoder {
        /** Latents [m, latent] -> patches [m * tokens, patchWidth]. */
        Mat forward(Mat z);

        /** The gradient of the latents from that of the patches. */
        Mat backward(Mat dOut);
    }

    /**
     * Latent grid -> transformer over the latent tokens -> each token's patch: a spatial latent's decoder,
     * or a vector latent's, first spread over the grid by one linear map ({@code dec/expand}).
     */
    private final class GridDecoder implements ImageDecoder {
        private final int t = cfg.imageTokens();
        private final int c = cfg.gridChannels();
        private final Dense expand = cfg.spatial() ? null : new Dense(ops, "dec/expand", cfg.latent(), t * c);
        private final Dense in = new Dense(ops, "dec/in", c, cfg.width());
        private final Table pos = new Table(ops, "dec/pos", t);
        private final List<Block> blocks = blocks("dec/block", cfg.decoderDepth());
        private final LayerNorm ln = new LayerNorm();
        private final Dense out = new Dense(ops, "dec/out", cfg.width(), cfg.patchWidth());
        private final Slot dySlot = new Slot();
        private final Slot dxSlot = new Slot();
        private final Slot dzSlot = new Slot();
        private final Slot dGridSlot = new Slot();

        @Override
        public Mat forward(Mat z) {
            int m = z.rows();
            Mat grid = expand != null ? expand.forward(z) : z;
            Mat x = in.forward(grid.as(m * t, c));
            pos.forward(x);
            forwardAll(blocks, x, Segments.uniform(m, t));
            return out.forward(ln.forward(x));
        }

        @Override
        public Mat backward(Mat dOut) {
            int rows = dOut.rows();
            Mat dy = dySlot.mat(rows, cfg.width());
            out.backward(dOut, dy, false);
            Mat dx = dxSlot.mat(rows, cfg.width());
            ln.backward(dy, dx, false);
            backwardAll(blocks, dx);
            pos.backward(dx);
            Mat dz = dzSlot.mat(rows / t, cfg.latent());
            if (expand == null) {
                in.backward(dx, dz.as(rows, c), false);
                return dz;
            }
            Mat dGrid = dGridSlot.mat(rows, c);
            in.backward(dx, dGrid, false);
            expand.backward(dGrid.as(rows / t, t * c), dz, false);
            return dz;
        }
    }

    /**
     * One latent vector -> a per-position MLP (each patch position its own linear view of the latent,
     * then shared GELU layers with a learned position bias): the decoder of vector latents.
     */
    private final class VectorDecoder implements ImageDecoder {
        private final int t = cfg.imageTokens();
        private final int view = UnifiedModel.DECODER_VIEW;
        private final int h = 2 * cfg.width();
        private final Dense expand = new Dense(ops, "dec/expand", cfg.latent(), t * view);
        private final Dense in = new Dense(ops, "dec/in", view, h);
        private final Table pos = new Table(ops, "dec/pos", t);
        private final List<Dense> hidden = new ArrayList<>();
        private final List<Gelu> gelus = new ArrayList<>();
        private final Dense out = new Dense(ops, "dec/out", h, cfg.patchWidth());
        private final Slot dA = new Slot();
        private final Slot dB = new Slot();
        private final Slot dE = new Slot();
        private final Slot dzSlot = new Slot();

        VectorDecoder() {
            gelus.add(new Gelu());
            for (int i = 0; i < cfg.decoderDepth(); i++) {
                hidden.add(new Dense(ops, "dec/hidden" + i, h, h));
                gelus.add(new Gelu());
            }
        }

        @Override
        public Mat forward(Mat z) {
            int m = z.rows();
            Mat a = in.forward(expand.forward(z).as(m * t, view));
            pos.forward(a);
            Mat g = gelus.get(0).forward(a);
            for (int i = 0; i < hidden.size(); i++) {
                g = gelus.get(i + 1).forward(hidden.get(i).forward(g));
            }
            return out.forward(g);
        }

        @Override
        public Mat backward(Mat dOut) {
            int rows = dOut.rows();
            Mat dg = dA.mat(rows, h);
            Mat other = dB.mat(rows, h);
            out.backward(dOut, dg, false);
            for (int i = hidden.size() - 1; i >= 0; i--) {
                gelus.get(i + 1).backward(dg);
                hidden.get(i).backward(dg, other, false);
                Mat swap = dg;
                dg = other;
                other = swap;
            }
            gelus.get(0).backward(dg);
            pos.backward(dg);
            Mat de = dE.mat(rows, view);
            in.backward(dg, de, false);
            Mat dz = dzSlot.mat(rows / t, cfg.latent());
            expand.backward(de.as(rows / t, t * view), dz, false);
            return dz;
        }
    }

    /** Latent -> each caption position its own view of it -> transformer -> token logits (all positions at once). */
    final class CaptionDecoder {
        private final int len = Vocabulary.MAX_TOKENS;
        private final int e = UnifiedModel.EXPAND_WIDTH;
        private final Dense expand = new Dense(ops, "cap/expand", cfg.latent(), len * e);
        private final Dense lift = new Dense(ops, "cap/lift", e, cfg.width());
        private final Table pos = new Table(ops, "cap/pos", len);
        private final List<Block> blocks = blocks("cap/block", cfg.captionDepth());
        private final LayerNorm ln = new LayerNorm();
        private final Dense out = new Dense(ops, "cap/out", cfg.width(), Vocabulary.size());
        private final Slot dySlot = new Slot();
        private final Slot dxSlot = new Slot();
        private final Slot dcSlot = new Slot();

        /** Latents [n, latent] -> logits [n * len, vocab]. */
        Mat forward(Mat z) {
            int n = z.rows();
            Mat x = lift.forward(expand.forward(z).as(n * len, e));
            pos.forward(x);
            forwardAll(blocks, x, Segments.uniform(n, len));
            return out.forward(ln.forward(x));
        }

        /** Adds the latents' gradient to dz. */
        void backward(Mat dLogits, Mat dz) {
            int rows = dLogits.rows();
            Mat dy = dySlot.mat(rows, cfg.width());
            out.backward(dLogits, dy, false);
            Mat dx = dxSlot.mat(rows, cfg.width());
            ln.backward(dy, dx, false);
            backwardAll(blocks, dx);
            pos.backward(dx);
            Mat dc = dcSlot.mat(rows, e);
            lift.backward(dx, dc, false);
            expand.backward(dc.as(rows / len, len * e), dz, true);
        }
    }
}
