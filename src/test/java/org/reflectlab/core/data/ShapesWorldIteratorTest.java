package org.reflectlab.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.api.MultiDataSet;

class ShapesWorldIteratorTest {

    @Test
    void batchesCarryImagesTokensAndMasks() {
        ShapesWorld world = new ShapesWorld(DataSpec.defaults(11));
        ShapesWorldIterator it = new ShapesWorldIterator(world, 4, 100, 10);
        MultiDataSet first = it.next();
        assertArrayEquals(new long[] {4, 3, 32, 32}, first.getFeatures(0).shape());
        assertArrayEquals(new long[] {4, Vocabulary.MAX_TOKENS}, first.getFeatures(1).shape());
        assertArrayEquals(world.image(100).data(), first.getFeatures(0).slice(0).dup().data().asFloat(), 0f);
        int[] ids = Vocabulary.encode(world.sample(100).description());
        assertEquals(ids[0], first.getFeatures(1).getInt(0, 0));
        assertEquals(Vocabulary.length(ids), first.getFeaturesMaskArray(1).getRow(0).sumNumber().intValue());
        it.next();
        MultiDataSet last = it.next();
        assertEquals(2, last.getFeatures(0).size(0));
        assertFalse(it.hasNext());
        it.reset();
        assertEquals(first.getFeatures(1), it.next().getFeatures(1));
    }
}
