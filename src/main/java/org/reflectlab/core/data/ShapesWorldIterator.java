package org.reflectlab.core.data;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batches of ShapesWorld samples [first, first + count) as DL4J MultiDataSets:
 * features = {image [N,3,H,W], caption token ids [N,L]}, feature masks = {none, tokens [N,L]},
 * labels = the same image and tokens (autoencoding and captioning targets).
 * Token ids are stored as floats, as DL4J's embedding layers expect.
 */
public final class ShapesWorldIterator implements MultiDataSetIterator {

    private final ShapesWorld world;
    private final int batchSize;
    private final long first;
    private final long count;
    private long cursor;
    private MultiDataSetPreProcessor preProcessor;

    public ShapesWorldIterator(ShapesWorld world, int batchSize, long first, long count) {
        if (batchSize < 1 || count < 1) {
            throw new IllegalArgumentException("batch size and count must be positive");
        }
        this.world = world;
        this.batchSize = batchSize;
        this.first = first;
        this.count = count;
    }

    @Override
    public boolean hasNext() {
        return cursor < count;
    }

    @Override
    public MultiDataSet next() {
        return next(batchSize);
    }

    @Override
    public MultiDataSet next(int num) {
        if (!hasNext()) {
            throw new java.util.NoSuchElementException("iterator exhausted; call reset()");
        }
        int n = (int) Math.min(num, count - cursor);
        int size = world.spec().imageSize();
        int pixels = 3 * size * size;
        float[] images = new float[n * pixels];
        float[] tokens = new float[n * Vocabulary.MAX_TOKENS];
        float[] mask = new float[n * Vocabulary.MAX_TOKENS];
        for (int i = 0; i < n; i++) {
            Sample s = world.sample(first + cursor + i);
            System.arraycopy(world.render(s.scene()).data(), 0, images, i * pixels, pixels);
            int[] ids = Vocabulary.encode(s.description());
            int len = Vocabulary.length(ids);
            for (int t = 0; t < ids.length; t++) {
                tokens[i * Vocabulary.MAX_TOKENS + t] = ids[t];
                mask[i * Vocabulary.MAX_TOKENS + t] = t < len ? 1f : 0f;
            }
        }
        cursor += n;
        INDArray img = Nd4j.create(images, new long[] {n, 3, size, size}, 'c');
        INDArray tok = Nd4j.create(tokens, new long[] {n, Vocabulary.MAX_TOKENS}, 'c');
        INDArray msk = Nd4j.create(mask, new long[] {n, Vocabulary.MAX_TOKENS}, 'c');
        MultiDataSet mds = new org.nd4j.linalg.dataset.MultiDataSet(
                new INDArray[] {img, tok}, new INDArray[] {img.dup(), tok.dup()},
                new INDArray[] {null, msk}, new INDArray[] {null, msk.dup()});
        if (preProcessor != null) {
            preProcessor.preProcess(mds);
        }
        return mds;
    }

    @Override
    public void setPreProcessor(MultiDataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public MultiDataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return true;
    }

    @Override
    public void reset() {
        cursor = 0;
    }
}
