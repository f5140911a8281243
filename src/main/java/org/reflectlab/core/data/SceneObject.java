package org.reflectlab.core.data;

/**
 * One object of a scene. Shape, color, size and cell are what captions can say; the offset
 * within the cell (cell units), the hue jitter (degrees) and the rotation (degrees) are fine
 * detail that no caption carries.
 */
public record SceneObject(Shape shape, ShapeColor color, Size size, Cell cell,
                          double dx, double dy, double hueJitter, double rotation) {

    /** An object with no fine detail: centred, exact hue, upright. */
    public static SceneObject plain(Shape shape, ShapeColor color, Size size, Cell cell) {
        return new SceneObject(shape, color, size, cell, 0, 0, 0, 0);
    }

    public SceneObject withColor(ShapeColor c) {
        return new SceneObject(shape, c, size, cell, dx, dy, hueJitter, rotation);
    }

    public SceneObject withShape(Shape s) {
        double limit = s.maxOffset(size);
        return new SceneObject(s, color, size, cell, clamp(dx, limit), clamp(dy, limit), hueJitter, rotation);
    }

    public SceneObject withCell(Cell c) {
        return new SceneObject(shape, color, size, c, dx, dy, hueJitter, rotation);
    }

    public SceneObject withSize(Size s) {
        double limit = shape.maxOffset(s);
        return new SceneObject(shape, color, s, cell, clamp(dx, limit), clamp(dy, limit), hueJitter, rotation);
    }

    /** Centre x in [0,1] image units. */
    public double centerX() {
        return (cell.col() + 0.5 + dx) / Cell.GRID;
    }

    /** Centre y in [0,1] image units. */
    public double centerY() {
        return (cell.row() + 0.5 + dy) / Cell.GRID;
    }

    /** "large red circle at top left": the captionable attributes. */
    public String describe() {
        return size.word() + " " + color.word() + " " + shape.word() + " at " + cell.words();
    }

    private static double clamp(double v, double limit) {
        return Math.max(-limit, Math.min(limit, v));
    }
}
