package org.reflectlab.core.data;

import java.util.List;
import java.util.stream.IntStream;

/**
 * One cell of the 3x3 position grid. Its caption words are "top left", "top", ..., "center",
 * ..., "bottom right": a row word, a column word, both, or "center" for the middle.
 */
public record Cell(int row, int col) {

    public static final int GRID = 3;
    public static final List<Cell> ALL = IntStream.range(0, GRID * GRID)
            .mapToObj(i -> new Cell(i / GRID, i % GRID)).toList();

    public Cell {
        if (row < 0 || row >= GRID || col < 0 || col >= GRID) {
            throw new IllegalArgumentException("cell out of the 3x3 grid: " + row + "," + col);
        }
    }

    public int index() {
        return row * GRID + col;
    }

    /** The position words, e.g. "top left", "left", "center". */
    public String words() {
        String rowWord = switch (row) {
            case 0 -> "top";
            case 2 -> "bottom";
            default -> "";
        };
        String colWord = switch (col) {
            case 0 -> "left";
            case 2 -> "right";
            default -> "";
        };
        if (rowWord.isEmpty() && colWord.isEmpty()) {
            return "center";
        }
        return (rowWord + " " + colWord).trim();
    }

    @Override
    public String toString() {
        return words();
    }
}
