package org.reflectlab.ui.aphasia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reflectlab.core.data.RgbImage;

/** Bar-chart category labels never run into their neighbours; the fine-position overlay colours what moved. */
class ChartLabelsTest {

    // 7 px per character, a stand-in for font metrics
    private static double width(String s) {
        return 7.0 * s.length();
    }

    @Test
    void aLabelThatFitsStaysWhole() {
        assertEquals(List.of("color"), IntervalBarChart.labelLines("color", 60, ChartLabelsTest::width));
    }

    @Test
    void aLongLabelSplitsAtASpaceAndEveryLineFits() {
        assertEquals(List.of("fine", "position"), IntervalBarChart.labelLines("fine position", 60, ChartLabelsTest::width));
        List<String> squeezed = IntervalBarChart.labelLines("fine position", 30, ChartLabelsTest::width);
        assertEquals(2, squeezed.size());
        squeezed.forEach(l -> assertTrue(width(l) <= 30, l));
        List<String> oneWord = IntervalBarChart.labelLines("caption-trained", 40, ChartLabelsTest::width);
        oneWord.forEach(l -> assertTrue(width(l) <= 40 && l.endsWith("."), l));
    }

    @Test
    void aJapaneseLabelHasNoSpacesAndSplitsInTwoHalves() {
        assertEquals(List.of("細かい", "位置"), IntervalBarChart.labelLines("細かい位置", 28, ChartLabelsTest::width));
        assertEquals(List.of("細かい位置"), IntervalBarChart.labelLines("細かい位置", 40, ChartLabelsTest::width));
    }

    @Test
    void theOverlayIsGreyWhereTheImagesAgreeAndColouredWhereTheyDiffer() {
        RgbImage a = new RgbImage(2, 1);
        RgbImage b = new RgbImage(2, 1);
        for (int c = 0; c < 3; c++) {
            a.set(c, 0, 0, 0.5f);
            b.set(c, 0, 0, 0.5f);   // pixel 0: the same in both
            a.set(c, 0, 1, 0.5f);   // pixel 1: only in the original
        }
        RgbImage o = FineDetail.overlay(a, b);
        assertEquals(o.get(0, 0, 0), o.get(1, 0, 0), 1e-6);
        assertEquals(o.get(1, 0, 0), o.get(2, 0, 0), 1e-6);
        assertEquals(0, o.get(0, 0, 1), 1e-6, "nothing red where the reconstruction lost the object");
        assertTrue(o.get(1, 0, 1) > 0.5f, "cyan where only the original has it");
    }
}
