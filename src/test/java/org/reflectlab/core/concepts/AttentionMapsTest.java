package org.reflectlab.core.concepts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.backend.Backend;
import org.reflectlab.core.data.DataSpec;
import org.reflectlab.core.data.Sample;
import org.reflectlab.core.data.ShapesWorld;
import org.reflectlab.core.nn.unified.UnifiedConfig;
import org.reflectlab.core.nn.unified.UnifiedModel;

class AttentionMapsTest {

    @BeforeAll
    static void backend() {
        Backend.start(1);
    }

    @Test
    void causalMasksHaveExactlyTheLowerTriangularSupportAndFullOnesEveryEntry() {
        UnifiedModel m = UnifiedModel.create(UnifiedConfig.tiny(), 5);
        ShapesWorld w = new ShapesWorld(new DataSpec(4, 16, DataSpec.defaults(4).categories()));
        Sample s = w.sample(2);
        AttentionMaps.Result r = AttentionMaps.measure(m, w.render(s.scene()), s.caption());
        assertEquals(4, r.encoders().size());
        for (AttentionMaps.Encoder e : r.encoders()) {
            assertEquals(e.layers() * e.heads(), e.maps().size());
            for (AttentionMaps.Map map : e.maps()) {
                int t = map.t();
                assertEquals(e.labels().size(), t);
                if (map.mask() == AttentionMaps.Mask.CAUSAL) {
                    assertEquals(t * (t + 1) / 2, map.allowed());
                    assertEquals(0f, map.maxAboveDiagonal());
                    for (int i = 0; i < t; i++) {
                        for (int j = 0; j <= i; j++) {
                            assertTrue(map.at(i, j) > 0f, "below-diagonal entry " + i + "," + j + " is zero");
                        }
                    }
                    assertEquals(map.allowed(), map.nonZero());
                } else {
                    assertEquals(t * t, map.allowed());
                    assertEquals(t * t, map.nonZero());
                    assertTrue(map.maxAboveDiagonal() > 0f);
                }
            }
        }
        assertTrue(r.table().size() > 4);
        assertEquals(List.of("text", "image", "text", "image"), r.encoders().stream().map(AttentionMaps.Encoder::name).toList());
    }
}
